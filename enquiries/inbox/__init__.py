"""The sales team's lead inbox in the Wagtail admin, by concern.

- state: logged changes to a lead (status, owner, first reply); usable by other apps
- permissions: who may read, change and export leads
- listing: the listing, its search and export
- detail: a lead's page and its POST actions
- downloads: attachments from private storage
- bulk: bulk actions
"""

from .bulk import (
    BULK_ACTIONS,
    AssignOwnerBulkAction,
    ChangeStatusBulkAction,
    LeadBulkAction,
    MarkSpamBulkAction,
)
from .detail import (
    LeadInspectView,
    NoteForm,
    OwnerForm,
    StatusForm,
    add_note,
    replied,
    retry_notification_view,
    set_owner,
    set_status,
)
from .downloads import SAFE_CONTENT_TYPES, download_attachment
from .listing import (
    LeadIndexView,
    LeadStatusColumn,
    LeadViewSetSearch,
    _buyer,
    _country,
    _csv_safe,
    _owner,
    _payment_label,
    _products,
)
from .permissions import can_change_leads, can_export_leads, can_view_leads
from .state import (
    ACTION_LABELS,
    RESPONSE_STATUSES,
    Action,
    assign_owner,
    change_status,
    log_activity,
    mark_replied,
    retry_notification,
)

__all__ = [
    "ACTION_LABELS",
    "BULK_ACTIONS",
    "RESPONSE_STATUSES",
    "SAFE_CONTENT_TYPES",
    "Action",
    "AssignOwnerBulkAction",
    "ChangeStatusBulkAction",
    "LeadBulkAction",
    "LeadIndexView",
    "LeadInspectView",
    "LeadStatusColumn",
    "LeadViewSetSearch",
    "MarkSpamBulkAction",
    "NoteForm",
    "OwnerForm",
    "StatusForm",
    "_buyer",
    "_country",
    "_csv_safe",
    "_owner",
    "_payment_label",
    "_products",
    "add_note",
    "assign_owner",
    "can_change_leads",
    "can_export_leads",
    "can_view_leads",
    "change_status",
    "download_attachment",
    "log_activity",
    "mark_replied",
    "replied",
    "retry_notification",
    "retry_notification_view",
    "set_owner",
    "set_status",
]
