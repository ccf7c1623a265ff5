"""Keep the Translators group's page permissions in step with new locale trees."""

from django.db.models.signals import post_save

from .roles import grant_on_tree


def grant_translators_on_new_tree(sender, instance, created, raw=False, **kwargs):
    # A new locale's home page appears at depth 2 whenever someone adds a locale
    # (synced from English) or translates the home page: grant in the same
    # transaction, so translators never wait for someone to run sync_roles.
    if created and not raw and instance.depth == 2:
        grant_on_tree(instance)


def connect():
    from wagtail.models import Page, get_page_models

    # post_save is sent for the concrete class only (HomePage, not Page).
    for model in {Page, *get_page_models()}:
        post_save.connect(
            grant_translators_on_new_tree,
            sender=model,
            dispatch_uid=f"localization-translators-{model._meta.label_lower}",
        )
