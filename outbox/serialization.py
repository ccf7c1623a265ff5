"""An EmailMessage as JSON and back, attachments and HTML alternatives included."""

import base64
import email
from email.mime.base import MIMEBase

from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import EmailAttachment


def _content(value) -> dict:
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode("ascii")}
    return {"text": value}


def _restore(data: dict):
    return base64.b64decode(data["b64"]) if "b64" in data else data["text"]


def dump(message) -> dict:
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachments.append({"mime": _content(attachment.as_bytes())})
        else:
            filename, content, mimetype = attachment
            attachments.append({"filename": filename, "mimetype": mimetype, **_content(content)})
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "encoding": message.encoding if isinstance(message.encoding, str) else None,
        "content_subtype": message.content_subtype,
        "mixed_subtype": message.mixed_subtype,
        "alternative_subtype": getattr(message, "alternative_subtype", "alternative"),
        "alternatives": [
            {"mimetype": mimetype, **_content(content)}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def _mime_part(raw: bytes) -> MIMEBase:
    # Django attaches MIMEBase instances as they are; a parsed email.message.Message
    # would be treated as (filename, content, mimetype), so rebuild a MIMEBase.
    parsed = email.message_from_bytes(raw)
    part = MIMEBase(*parsed.get_content_type().split("/", 1))
    for name in list(part.keys()):
        del part[name]
    for name, value in parsed.items():
        part[name] = value
    part.set_payload(parsed.get_payload())
    return part


def load(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.encoding = data.get("encoding")
    message.content_subtype = data.get("content_subtype", "plain")
    message.mixed_subtype = data.get("mixed_subtype", "mixed")
    message.alternative_subtype = data.get("alternative_subtype", "alternative")
    for alternative in data.get("alternatives", []):
        message.attach_alternative(_restore(alternative), alternative["mimetype"])
    for attachment in data.get("attachments", []):
        if "mime" in attachment:
            message.attach(_mime_part(_restore(attachment["mime"])))
        else:
            # Not attach(): the content was already decoded when the caller attached it.
            message.attachments.append(
                EmailAttachment(
                    attachment["filename"], _restore(attachment), attachment["mimetype"]
                )
            )
    return message
