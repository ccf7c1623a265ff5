import pytest
from django.contrib.auth.models import Group


@pytest.mark.django_db
def test_migrations_create_the_sales_group_with_only_the_lead_inbox():
    sales = Group.objects.get(name="Sales")

    assert sorted(sales.permissions.values_list("content_type__app_label", "codename")) == [
        ("enquiries", "change_lead"),
        ("enquiries", "export_lead"),
        ("enquiries", "view_lead"),
        ("wagtailadmin", "access_admin"),
    ]
