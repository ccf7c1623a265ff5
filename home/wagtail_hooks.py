from django.shortcuts import redirect
from django.utils.translation import get_language
from wagtail import hooks


@hooks.register("before_serve_page")
def redirect_to_existing_translation(page, request, serve_args, serve_kwargs):
    """Send /fr/about-us/ to the page's own URL when it has no French translation.

    Wagtail's router falls back to the default-language tree for a locale without
    the page, which would serve English text under <html lang="fr"> and a French
    URL. A temporary redirect keeps the visitor on real content with the right
    language, and starts serving the translation as soon as one is published.
    """
    if page.locale.language_code == get_language():
        return None
    url = page.get_url(request)
    if url and url != request.path:
        return redirect(url)
    return None
