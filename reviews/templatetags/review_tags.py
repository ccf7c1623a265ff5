from django import template

from ..ratings import reviews_for, summary_for

register = template.Library()


@register.inclusion_tag("reviews/includes/product_reviews.html", takes_context=True)
def product_reviews(context, product):
    """The approved reviews of `product` (any language), their average and count."""
    from ..invitations import review_index_for

    request = context.get("request")
    summary = summary_for(product)
    index = getattr(product, "_review_index", None)
    if index is None:
        index = review_index_for(product.locale.language_code)
        product._review_index = index
    write_url = ""
    if index is not None:
        write_url = f"{index.get_url(request)}{index.reverse_subpage('write')}?product={product.pk}"
    return {
        "request": request,
        "product": product,
        "summary": summary,
        "reviews": reviews_for(product),
        "index": index,
        "write_url": write_url,
    }


@register.inclusion_tag("reviews/includes/stars.html")
def rating_stars(value):
    """Five stars, `value` of them filled, read out as "4.5 out of 5"."""
    value = float(value or 0)
    full = int(value + 0.25)
    return {"value": value, "filled": range(full), "empty": range(5 - full)}
