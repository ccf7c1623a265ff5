"""The reviews page, the public review form and its thank-you page (routes of ReviewIndexPage)."""

from django.core.paginator import Paginator
from django.db import IntegrityError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from home.http import client_ip, parse_id
from products.models import ProductPage

from .forms import ReviewForm
from .invitations import InvitationError, read_token
from .models import ReviewPage, ReviewSubmission, review_setting
from .services import InvitationUsedError, rate_limited, submit_review

SUBMITTED_SESSION_KEY = "review_submitted"


def index_view(request, page):
    reviews = page.approved_reviews(ReviewPage.for_display())
    paginator = Paginator(reviews, review_setting("REVIEWS_PER_PAGE", 10))
    # get_page: a bad number gives the first page, one past the end the last.
    page_obj = paginator.get_page(request.GET.get("page"))
    _link_products_in(page.locale, page_obj.object_list)
    context = page.get_context(request)
    context.update(
        reviews=page_obj,
        summary=ReviewPage.summary(page.approved_reviews()),
        write_url=page.url + page.reverse_subpage("write"),
    )
    return TemplateResponse(request, "reviews/review_index_page.html", context)


def _link_products_in(locale, reviews) -> None:
    """Point each review's product link at the product in the reader's language (one query)."""
    reviews = list(reviews)
    keys = {review.product.translation_key for review in reviews if review.product}
    local = {
        product.translation_key: product
        for product in ProductPage.objects.live().filter(locale=locale, translation_key__in=keys)
    }
    for review in reviews:
        if review.product:
            review.display_product = local.get(review.product.translation_key, review.product)


def _initial_product(request, page):
    product_id = parse_id(request.GET.get("product"))
    if product_id is None:
        return None
    product = ProductPage.objects.live().filter(pk=product_id).first()
    if product is None:
        return None
    return product.get_translation_or_none(page.locale) or product


def _invitation(token: str):
    """(invitation, error message) for a token; (None, "") without one."""
    if not token:
        return None, ""
    try:
        return read_token(token), ""
    except InvitationError as error:
        return None, str(error)


def write_view(request, page):
    form_kwargs = {"locale": page.locale}
    if request.method == "POST":
        form = ReviewForm(request.POST, request.FILES, **form_kwargs)
        token = request.POST.get("invitation", "")
        invitation, invitation_error = _invitation(token)
        if form.is_valid():
            if form.is_bot:
                # Looks like success to the bot; nothing is stored.
                request.session.pop(SUBMITTED_SESSION_KEY, None)
                return redirect(page.url + page.reverse_subpage("thanks"))
            if ReviewSubmission.objects.filter(form_token=form.cleaned_data["form_token"]).exists():
                return _already_submitted(request, page, form.cleaned_data["form_token"])
            if invitation_error:
                form.add_error(None, invitation_error)
                form.data = form.data.copy()
                form.data["invitation"] = ""
            elif rate_limited(client_ip(request)):
                return _render_form(request, page, form, invitation, status=429, rate_limited=True)
            else:
                try:
                    review = submit_review(
                        form=form, request=request, index=page, invitation=invitation
                    )
                except IntegrityError:
                    # A double click: the other request saved this form (its unique
                    # token) after the check above.
                    if not ReviewSubmission.objects.filter(
                        form_token=form.cleaned_data["form_token"]
                    ).exists():
                        raise
                    return _already_submitted(request, page, form.cleaned_data["form_token"])
                except InvitationUsedError:
                    form.add_error(
                        None,
                        _(
                            "This invitation link was already used. You can still write a review below."
                        ),
                    )
                    form.data = form.data.copy()
                    form.data["invitation"] = ""
                else:
                    request.session[SUBMITTED_SESSION_KEY] = review.pk
                    return redirect(page.url + page.reverse_subpage("thanks"))
        return _render_form(request, page, form, invitation)

    token = request.GET.get("invitation", "")[:500]
    invitation, invitation_error = _invitation(token)
    initial = {"product": _initial_product(request, page)}
    if invitation is not None:
        lead = invitation.lead
        initial.update(
            invitation=token,
            reviewer_name=lead.name,
            company=lead.company,
            country=str(lead.country),
        )
        line = lead.lines.filter(product__isnull=False).select_related("product").first()
        if line is not None and initial["product"] is None:
            product = line.product
            initial["product"] = product.get_translation_or_none(page.locale) or product
    form = ReviewForm(initial=initial, **form_kwargs)
    return _render_form(request, page, form, invitation, invitation_error=invitation_error)


def _already_submitted(request, page, form_token):
    """A repeated post of a saved review lands where the first one did."""
    submission = ReviewSubmission.objects.filter(form_token=form_token).first()
    if submission is not None and submission.review_id:
        request.session[SUBMITTED_SESSION_KEY] = submission.review_id
    return redirect(page.url + page.reverse_subpage("thanks"))


def _render_form(request, page, form, invitation, *, status=200, **extra):
    context = page.get_context(request)
    context.update(form=form, invitation=invitation, **extra)
    return TemplateResponse(request, "reviews/review_form.html", context, status=status)


def thanks_view(request, page):
    context = page.get_context(request)
    context["submitted"] = bool(request.session.get(SUBMITTED_SESSION_KEY))
    return TemplateResponse(request, "reviews/thanks.html", context)
