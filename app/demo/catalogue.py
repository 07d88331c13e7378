"""Demo step: a real-looking product catalogue (about forty models, Chinese names)."""

from __future__ import annotations

from sqlalchemy import select

from app.demo.core import DemoContext, Step
from app.demo.data import CATALOGUE
from app.models.store import ProductModel


def run(dc: DemoContext) -> None:
    with dc.batch(reason="demo catalogue") as session:
        known = {m.code: m for m in session.scalars(select(ProductModel))}
        for code, name, category, brand, months, yuan in CATALOGUE:
            if code in known:
                continue
            known[code] = ProductModel(code=code, name=name, category=category, brand=brand,
                                       warranty_months=months, price_cents=yuan * 100)
            session.add(known[code])
            dc.add_count("product_models", 1)
        session.flush()
        codes = {row[0] for row in CATALOGUE}
        dc.model_ids[:] = [m.id for code, m in known.items() if code in codes]
        dc.extras["catalogue.models"] = {
            m.id: (m.code, m.name, m.category, m.warranty_months, m.brand)
            for m in known.values() if m.code in codes
        }


STEP = Step("catalogue", run, weight=1)
