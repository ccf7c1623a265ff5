"""The quote basket: products a buyer collects before sending one RFQ, kept in the session.

Products are stored by translation key, so the basket follows the buyer from one
language to another and always lists the pages of the language being browsed.
"""

from products.models import ProductPage

SESSION_KEY = "quote_basket"
MAX_ITEMS = 50


class QuoteBasket:
    def __init__(self, session):
        self.session = session

    @property
    def keys(self) -> list[str]:
        return list(self.session.get(SESSION_KEY, []))

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, product: ProductPage) -> bool:
        return str(product.translation_key) in self.keys

    def add(self, product: ProductPage) -> bool:
        keys = self.keys
        key = str(product.translation_key)
        if key in keys or len(keys) >= MAX_ITEMS:
            return False
        self.session[SESSION_KEY] = [*keys, key]
        return True

    def remove(self, product: ProductPage) -> None:
        self.session[SESSION_KEY] = [k for k in self.keys if k != str(product.translation_key)]

    def clear(self) -> None:
        self.session.pop(SESSION_KEY, None)

    def products(self, locale) -> list[ProductPage]:
        """The basket's live products, in `locale` where translated, in the order added.

        A product not yet translated into `locale` is listed in the language it
        exists in, rather than silently dropped from the buyer's request.
        """
        keys = self.keys
        if not keys:
            return []
        found: dict[str, ProductPage] = {}
        for page in ProductPage.objects.live().filter(translation_key__in=keys):
            key = str(page.translation_key)
            if key not in found or page.locale_id == locale.pk:
                found[key] = page
        return [found[key] for key in keys if key in found]
