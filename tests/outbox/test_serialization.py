"""Property: whatever a sender puts in an email comes out of the queue unchanged."""

from django.core.mail import EmailMultiAlternatives
from hypothesis import given
from hypothesis import strategies as st

from outbox.delivery import single_line
from outbox.serialization import dump, load

text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=200)
addresses = st.lists(st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.example", fullmatch=True), max_size=3)


@given(
    subject=text,
    body=text,
    to=addresses,
    cc=addresses,
    html=st.none() | text,
    blobs=st.lists(st.binary(max_size=300), max_size=3),
)
def test_dump_then_load_keeps_every_field(subject, body, to, cc, html, blobs):
    message = EmailMultiAlternatives(subject, body, "from@site.example", to, cc=cc)
    if html is not None:
        message.attach_alternative(html, "text/html")
    for index, blob in enumerate(blobs):
        message.attach(f"file{index}.bin", blob, "application/octet-stream")

    again = load(dump(message))

    assert (again.subject, again.body, again.to, again.cc) == (subject, body, to, cc)
    assert list(again.alternatives) == list(message.alternatives)
    assert [tuple(a) for a in again.attachments] == [tuple(a) for a in message.attachments]


@given(text)
def test_a_single_line_subject_has_no_line_break_and_keeps_every_word(subject):
    line = single_line(subject)
    assert "\n" not in line and "\r" not in line
    assert line.split() == subject.split()
