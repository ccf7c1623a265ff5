"""Who may read, change and export leads in the sales inbox."""

VIEW_PERMS = ("enquiries.view_lead", "enquiries.change_lead")
CHANGE_PERM = "enquiries.change_lead"
EXPORT_PERM = "enquiries.export_lead"


def can_view_leads(user) -> bool:
    return user.is_active and any(user.has_perm(perm) for perm in VIEW_PERMS)


def can_change_leads(user) -> bool:
    return user.is_active and user.has_perm(CHANGE_PERM)


def can_export_leads(user) -> bool:
    return can_view_leads(user) and user.has_perm(EXPORT_PERM)
