"""Approved reviews of a product in any language, their average, and its JSON-LD.

A review may point at any language's page of a product; it counts for every
translation of that product (same translation_key). Results are kept on the
product instance so the page and its JSON-LD share one set of queries.
"""

from .models import ReviewPage, one_per_review

PRODUCT_PAGE_REVIEWS = 10
JSON_LD_REVIEWS = 5


def _approved_for(product, reviews=None):
    """Approved reviews of any translation of `product`, each review once."""
    reviews = reviews if reviews is not None else ReviewPage.objects.live()
    return one_per_review(
        reviews.filter(product__translation_key=product.translation_key), product.locale_id
    )


def summary_for(product) -> dict:
    """{"average": 4.3 or None, "count": n} of the product's approved reviews (one query)."""
    if not hasattr(product, "_review_summary"):
        product._review_summary = ReviewPage.summary(_approved_for(product))
    return product._review_summary


def reviews_for(product) -> list[ReviewPage]:
    """The newest approved reviews of the product, photos prefetched."""
    if not hasattr(product, "_review_list"):
        if summary_for(product)["count"]:
            product._review_list = list(
                _approved_for(product, ReviewPage.for_display())[:PRODUCT_PAGE_REVIEWS]
            )
        else:
            product._review_list = []
    return product._review_list


def aggregate_for(product) -> dict:
    """schema.org `aggregateRating` and `review` for a Product; {} without approved reviews."""
    summary = summary_for(product)
    if not summary["count"]:
        return {}
    return {
        "aggregateRating": {
            "@type": "AggregateRating",
            "ratingValue": str(summary["average"]),
            "reviewCount": summary["count"],
            "bestRating": "5",
            "worstRating": "1",
        },
        "review": [_review_json_ld(review) for review in reviews_for(product)[:JSON_LD_REVIEWS]],
    }


def _review_json_ld(review: ReviewPage) -> dict:
    data = {
        "@type": "Review",
        "name": review.title,
        "reviewBody": review.text,
        "inLanguage": review.locale.language_code,
        "author": {"@type": "Person", "name": review.reviewer_name},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": str(review.rating),
            "bestRating": "5",
            "worstRating": "1",
        },
    }
    if review.first_published_at:
        data["datePublished"] = review.first_published_at.date().isoformat()
    return data
