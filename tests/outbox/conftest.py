import pytest

from tests.enquiries.conftest import recaptcha, shop  # noqa: F401 - fixtures
from tests.products.conftest import attributes, catalog, images  # noqa: F401 - fixtures
from tests.reviews.conftest import moderator, reviews_site  # noqa: F401 - fixtures


@pytest.fixture
def smtp_delivery(settings):
    """The worker delivers through real SMTP; point it with `smtp_delivery(port)`."""

    def point_at(port: int):
        settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_TIMEOUT = 1
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False

    return point_at
