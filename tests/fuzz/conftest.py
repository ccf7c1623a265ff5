from tests.enquiries.conftest import recaptcha  # noqa: F401 - fixture: answers Google's side
