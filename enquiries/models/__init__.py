"""Leads (enquiries and sample orders), their lines, files, notes, history and payments."""

from .leads import (
    Lead,
    LeadActivity,
    LeadAttachment,
    LeadLine,
    LeadNote,
    LeadStatus,
    LeadType,
    NotificationStatus,
)
from .pages import EnquiryPage
from .payments import Payment, PaymentStatus, StripeEvent

__all__ = [
    "EnquiryPage",
    "Lead",
    "LeadActivity",
    "LeadAttachment",
    "LeadLine",
    "LeadNote",
    "LeadStatus",
    "LeadType",
    "NotificationStatus",
    "Payment",
    "PaymentStatus",
    "StripeEvent",
]
