"""Demo step: a real-looking product catalogue (about forty models, Chinese names)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from app.demo.core import DemoContext, Step
from app.demo.data import CATALOGUE
from app.models.store import ProductModel
from app.services.reference_service import ProductModelInput, insert_product_model


def run(dc: DemoContext) -> None:
    """Insert the models not yet in the catalogue (validated like the catalogue screen)."""
    with dc.batch(reason="demo catalogue") as session:
        known = {code.upper(): mid for mid, code in
                 session.execute(select(ProductModel.id, func.upper(ProductModel.code)))}
        for code, name, category, brand, months, yuan in CATALOGUE:
            if code.upper() not in known:
                row = insert_product_model(session, ProductModelInput(
                    code, name, category, brand, months, Decimal(yuan)))
                known[code.upper()] = row.id
                dc.add_count("product_models", 1)
    ids = [known[row[0].upper()] for row in CATALOGUE]
    with dc.read() as session:
        models = session.execute(select(ProductModel.id, ProductModel.code, ProductModel.name,
                                        ProductModel.category, ProductModel.warranty_months,
                                        ProductModel.brand).where(ProductModel.id.in_(ids)))
        dc.extras["catalogue.models"] = {m.id: tuple(m[1:]) for m in models}
    dc.model_ids[:] = ids


STEP = Step("catalogue", run, weight=1)
