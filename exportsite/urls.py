from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from enquiries import views as enquiry_views
from enquiries.webhooks import stripe_webhook
from home import views as home_views
from home.sitemaps import LocalizedPageSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", home_views.language_root_redirect, name="language_root_redirect"),
    path("stripe/webhook/", stripe_webhook, name="stripe_webhook"),
    # One sitemap and one robots.txt for all languages, so no language prefix.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedPageSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /en/, /es/, /ar/ ...
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("quote/", enquiry_views.basket_view, name="quote_basket"),
    path("quote/add/", enquiry_views.basket_add, name="quote_basket_add"),
    path("quote/remove/", enquiry_views.basket_remove, name="quote_basket_remove"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
