"""Initial schema of Service Counter 0.1 (frozen; later changes go in new revisions).

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Timestamps are stored as naive UTC (app.db.types.UTCDateTime over DateTime). On SQLite the
call-log book also gets its trigram full-text index, kept in step by triggers.
"""

import sqlalchemy as sa
from alembic import op

FTS_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS calls_fts USING fts5(search_text, content='calls', content_rowid='id', tokenize='trigram')",
    'CREATE TRIGGER IF NOT EXISTS calls_fts_ai AFTER INSERT ON calls BEGIN INSERT INTO calls_fts(rowid, search_text) VALUES (new.id, new.search_text); END',
    "CREATE TRIGGER IF NOT EXISTS calls_fts_ad AFTER DELETE ON calls BEGIN INSERT INTO calls_fts(calls_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS calls_fts_au AFTER UPDATE OF search_text ON calls BEGIN INSERT INTO calls_fts(calls_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); INSERT INTO calls_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
)

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('workstation', sa.String(length=60), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_key', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_record', ['table_name', 'row_key', 'id'], unique=False)

    op.create_table('business_hours',
    sa.Column('weekday', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('opens_at', sa.Time(), nullable=False),
    sa.Column('closes_at', sa.Time(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('weekday', name=op.f('pk_business_hours'))
    )
    op.create_table('document_counters',
    sa.Column('series', sa.String(length=10), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('last_value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('series', 'period', name=op.f('pk_document_counters'))
    )
    op.create_table('parts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('unit', sa.String(length=10), nullable=False),
    sa.Column('unit_price_cents', sa.Integer(), nullable=False),
    sa.Column('stock_on_hand', sa.Integer(), nullable=False),
    sa.Column('reorder_level', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parts')),
    sa.UniqueConstraint('number', name=op.f('uq_parts_number'))
    )
    with op.batch_alter_table('parts', schema=None) as batch_op:
        batch_op.create_index('ix_parts_low', ['active', 'stock_on_hand', 'reorder_level'], unique=False)
        batch_op.create_index(batch_op.f('ix_parts_name'), ['name'], unique=False)

    op.create_table('product_models',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('brand', sa.String(length=40), nullable=False),
    sa.Column('warranty_months', sa.Integer(), nullable=False),
    sa.Column('price_cents', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product_models')),
    sa.UniqueConstraint('code', name=op.f('uq_product_models_code'))
    )
    op.create_table('settings',
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('store_days',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('is_open', sa.Boolean(), nullable=False),
    sa.Column('opens_at', sa.Time(), nullable=True),
    sa.Column('closes_at', sa.Time(), nullable=True),
    sa.Column('note', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_store_days'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=40), nullable=False),
    sa.Column('display_name', sa.String(length=40), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('first_failed_at', sa.DateTime(), nullable=True),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('zones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('dispatch_hours', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_zones')),
    sa.UniqueConstraint('name', name=op.f('uq_zones_name'))
    )
    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('zone_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['zone_id'], ['zones.id'], name=op.f('fk_customers_zone_id_zones')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_customers_zone_id'), ['zone_id'], unique=False)

    op.create_table('internal_work',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('void_reason', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_internal_work_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['technician_id'], ['users.id'], name=op.f('fk_internal_work_technician_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_internal_work'))
    )
    with op.batch_alter_table('internal_work', schema=None) as batch_op:
        batch_op.create_index('ix_internal_work_day', ['day'], unique=False)
        batch_op.create_index('ix_internal_work_tech_day', ['technician_id', 'day'], unique=False)

    op.create_table('customer_phones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('digits', sa.String(length=30), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_phones_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_phones'))
    )
    with op.batch_alter_table('customer_phones', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_phones_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_phones_digits'), ['digits'], unique=False)

    op.create_table('items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('product_model_id', sa.Integer(), nullable=False),
    sa.Column('serial', sa.String(length=60), nullable=False),
    sa.Column('purchase_date', sa.Date(), nullable=True),
    sa.Column('invoice_no', sa.String(length=40), nullable=False),
    sa.Column('warranty_restart', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_items_customer_id_customers')),
    sa.ForeignKeyConstraint(['product_model_id'], ['product_models.id'], name=op.f('fk_items_product_model_id_product_models')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_items'))
    )
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_items_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_items_product_model_id'), ['product_model_id'], unique=False)
        batch_op.create_index('ix_items_serial', ['serial'], unique=False)

    op.create_table('maintenance_contracts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('fee_cents', sa.Integer(), nullable=False),
    sa.Column('covers_labour', sa.Boolean(), nullable=False),
    sa.Column('covers_parts', sa.Boolean(), nullable=False),
    sa.Column('visits_per_year', sa.Integer(), nullable=False),
    sa.Column('terms', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('lapse_reason', sa.String(length=200), nullable=False),
    sa.Column('cancel_reason', sa.String(length=200), nullable=False),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.Column('notice_sent_at', sa.DateTime(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_maintenance_contracts_created_by_id_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_maintenance_contracts_customer_id_customers')),
    sa.ForeignKeyConstraint(['previous_id'], ['maintenance_contracts.id'], name=op.f('fk_maintenance_contracts_previous_id_maintenance_contracts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_maintenance_contracts')),
    sa.UniqueConstraint('number', name=op.f('uq_maintenance_contracts_number'))
    )
    with op.batch_alter_table('maintenance_contracts', schema=None) as batch_op:
        batch_op.create_index('ix_contracts_customer', ['customer_id', 'end_date'], unique=False)
        batch_op.create_index('ix_contracts_status_end', ['status', 'end_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_maintenance_contracts_previous_id'), ['previous_id'], unique=False)

    op.create_table('calls',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('zone_id', sa.Integer(), nullable=True),
    sa.Column('fault', sa.String(length=500), nullable=False),
    sa.Column('service_kind', sa.String(length=16), nullable=False),
    sa.Column('urgency', sa.String(length=10), nullable=False),
    sa.Column('proposed_category', sa.String(length=1), nullable=False),
    sa.Column('category', sa.String(length=1), nullable=False),
    sa.Column('category_reason', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('cancel_reason', sa.String(length=200), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_calls_created_by_id_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_calls_customer_id_customers')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_calls_item_id_items')),
    sa.ForeignKeyConstraint(['zone_id'], ['zones.id'], name=op.f('fk_calls_zone_id_zones')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calls')),
    sa.UniqueConstraint('number', name=op.f('uq_calls_number'))
    )
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.create_index('ix_calls_customer_received', ['customer_id', 'received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_item_id'), ['item_id'], unique=False)
        batch_op.create_index('ix_calls_received', ['received_at', 'id'], unique=False)
        batch_op.create_index('ix_calls_status_received', ['status', 'received_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_calls_zone_id'), ['zone_id'], unique=False)

    op.create_table('contract_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['maintenance_contracts.id'], name=op.f('fk_contract_items_contract_id_maintenance_contracts')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_contract_items_item_id_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract_items'))
    )
    with op.batch_alter_table('contract_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_items_contract_id'), ['contract_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_contract_items_item_id'), ['item_id'], unique=False)

    op.create_table('bills',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=1), nullable=False),
    sa.Column('gross_cents', sa.Integer(), nullable=False),
    sa.Column('covered_cents', sa.Integer(), nullable=False),
    sa.Column('discount_cents', sa.Integer(), nullable=False),
    sa.Column('discount_reason', sa.String(length=200), nullable=False),
    sa.Column('total_cents', sa.Integer(), nullable=False),
    sa.Column('billed_at', sa.DateTime(), nullable=False),
    sa.Column('billed_by_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('void_reason', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['billed_by_id'], ['users.id'], name=op.f('fk_bills_billed_by_id_users')),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_bills_call_id_calls')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bills')),
    sa.UniqueConstraint('call_id', name=op.f('uq_bills_call_id'))
    )
    op.create_table('complaints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('call_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('demand', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('department', sa.String(length=24), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('abroad', sa.Boolean(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('decision', sa.Text(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('visit_on', sa.Date(), nullable=True),
    sa.Column('visit_by', sa.String(length=40), nullable=False),
    sa.Column('visit_notes', sa.Text(), nullable=False),
    sa.Column('resolution', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=80), nullable=False),
    sa.Column('told_via', sa.String(length=10), nullable=False),
    sa.Column('resolved_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.Column('reopened_from_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_complaints_call_id_calls')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_complaints_created_by_id_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_complaints_customer_id_customers')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_complaints_decided_by_id_users')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_complaints_item_id_items')),
    sa.ForeignKeyConstraint(['reopened_from_id'], ['complaints.id'], name=op.f('fk_complaints_reopened_from_id_complaints')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints')),
    sa.UniqueConstraint('number', name=op.f('uq_complaints_number'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_accepted', ['accepted_on', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaints_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_complaints_status_deadline', ['status', 'deadline'], unique=False)

    op.create_table('exchanges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('sale_price_cents', sa.Integer(), nullable=False),
    sa.Column('days_since_sale', sa.Integer(), nullable=False),
    sa.Column('percent_milli', sa.Integer(), nullable=False),
    sa.Column('charge_cents', sa.Integer(), nullable=False),
    sa.Column('explanation', sa.String(length=300), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_exchanges_call_id_calls')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_exchanges_decided_by_id_users')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_exchanges_item_id_items')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchanges'))
    )
    with op.batch_alter_table('exchanges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchanges_item_id'), ['item_id'], unique=False)

    op.create_table('jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=1), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('dispatched_at', sa.DateTime(), nullable=False),
    sa.Column('dispatched_by_id', sa.Integer(), nullable=True),
    sa.Column('deadline_at', sa.DateTime(), nullable=False),
    sa.Column('arrived_at', sa.DateTime(), nullable=True),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('filed_at', sa.DateTime(), nullable=True),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_jobs_call_id_calls')),
    sa.ForeignKeyConstraint(['dispatched_by_id'], ['users.id'], name=op.f('fk_jobs_dispatched_by_id_users')),
    sa.ForeignKeyConstraint(['technician_id'], ['users.id'], name=op.f('fk_jobs_technician_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs')),
    sa.UniqueConstraint('number', name=op.f('uq_jobs_number'))
    )
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jobs_call_id'), ['call_id'], unique=False)
        batch_op.create_index('ix_jobs_deadline', ['deadline_at'], unique=False)
        batch_op.create_index('ix_jobs_dispatched', ['dispatched_at', 'id'], unique=False)
        batch_op.create_index('ix_jobs_status', ['status'], unique=False)
        batch_op.create_index('ix_jobs_tech_status', ['technician_id', 'status'], unique=False)

    op.create_table('bill_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bill_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('description', sa.String(length=120), nullable=False),
    sa.Column('quantity_milli', sa.Integer(), nullable=False),
    sa.Column('unit_cents', sa.Integer(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('covered', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['bill_id'], ['bills.id'], name=op.f('fk_bill_lines_bill_id_bills')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bill_lines'))
    )
    with op.batch_alter_table('bill_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bill_lines_bill_id'), ['bill_id'], unique=False)

    op.create_table('complaint_reminders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('days_overdue', sa.Integer(), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_complaint_reminders_complaint_id_complaints')),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_complaint_reminders_issued_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_reminders'))
    )
    with op.batch_alter_table('complaint_reminders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_reminders_complaint_id'), ['complaint_id'], unique=False)

    op.create_table('followups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=False),
    sa.Column('satisfied', sa.Boolean(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['by_id'], ['users.id'], name=op.f('fk_followups_by_id_users')),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_followups_call_id_calls')),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_followups_complaint_id_complaints')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_followups')),
    sa.UniqueConstraint('call_id', name=op.f('uq_followups_call_id'))
    )
    op.create_table('invoices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('invoice_no', sa.String(length=40), nullable=False),
    sa.Column('bill_id', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('to_mail', sa.Boolean(), nullable=False),
    sa.Column('mailed_on', sa.Date(), nullable=True),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('void_reason', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bill_id'], ['bills.id'], name=op.f('fk_invoices_bill_id_bills')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invoices')),
    sa.UniqueConstraint('invoice_no', name=op.f('uq_invoices_invoice_no'))
    )
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_invoices_bill_id'), ['bill_id'], unique=False)

    op.create_table('item_receipts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('voucher_id', sa.Integer(), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('taken_in_at', sa.DateTime(), nullable=False),
    sa.Column('accessories', sa.Text(), nullable=False),
    sa.Column('accessories_note', sa.String(length=200), nullable=False),
    sa.Column('condition', sa.String(length=300), nullable=False),
    sa.Column('fault', sa.String(length=500), nullable=False),
    sa.Column('promised_date', sa.Date(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=False),
    sa.Column('clerk_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('voided_at', sa.DateTime(), nullable=True),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_item_receipts_call_id_calls')),
    sa.ForeignKeyConstraint(['clerk_id'], ['users.id'], name=op.f('fk_item_receipts_clerk_id_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_item_receipts_customer_id_customers')),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], name=op.f('fk_item_receipts_item_id_items')),
    sa.ForeignKeyConstraint(['technician_id'], ['users.id'], name=op.f('fk_item_receipts_technician_id_users')),
    sa.ForeignKeyConstraint(['voucher_id'], ['jobs.id'], name=op.f('fk_item_receipts_voucher_id_jobs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_receipts')),
    sa.UniqueConstraint('number', name=op.f('uq_item_receipts_number'))
    )
    with op.batch_alter_table('item_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_receipts_call_id'), ['call_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_receipts_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_receipts_item_id'), ['item_id'], unique=False)
        batch_op.create_index('ix_item_receipts_status_promised', ['status', 'promised_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_receipts_voucher_id'), ['voucher_id'], unique=False)

    op.create_table('job_assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=False),
    sa.Column('assigned_at', sa.DateTime(), nullable=False),
    sa.Column('assigned_by_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['assigned_by_id'], ['users.id'], name=op.f('fk_job_assignments_assigned_by_id_users')),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_job_assignments_job_id_jobs')),
    sa.ForeignKeyConstraint(['technician_id'], ['users.id'], name=op.f('fk_job_assignments_technician_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_assignments'))
    )
    with op.batch_alter_table('job_assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_assignments_job_id'), ['job_id'], unique=False)

    op.create_table('payments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('bill_id', sa.Integer(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=12), nullable=False),
    sa.Column('place', sa.String(length=10), nullable=False),
    sa.Column('collected_at', sa.DateTime(), nullable=False),
    sa.Column('collected_by_id', sa.Integer(), nullable=False),
    sa.Column('handed_over_at', sa.DateTime(), nullable=True),
    sa.Column('handover_confirmed_by_id', sa.Integer(), nullable=True),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('void_reason', sa.String(length=200), nullable=False),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['bill_id'], ['bills.id'], name=op.f('fk_payments_bill_id_bills')),
    sa.ForeignKeyConstraint(['collected_by_id'], ['users.id'], name=op.f('fk_payments_collected_by_id_users')),
    sa.ForeignKeyConstraint(['handover_confirmed_by_id'], ['users.id'], name=op.f('fk_payments_handover_confirmed_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payments')),
    sa.UniqueConstraint('number', name=op.f('uq_payments_number'))
    )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payments_bill_id'), ['bill_id'], unique=False)
        batch_op.create_index('ix_payments_collected', ['collected_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_payments_collected_by_id'), ['collected_by_id'], unique=False)

    op.create_table('survey_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('call_id', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('returned_on', sa.Date(), nullable=True),
    sa.Column('returned_via', sa.String(length=10), nullable=False),
    sa.Column('attitude', sa.Integer(), nullable=True),
    sa.Column('skill', sa.Integer(), nullable=True),
    sa.Column('arrival', sa.Integer(), nullable=True),
    sa.Column('promise', sa.Integer(), nullable=True),
    sa.Column('comments', sa.Text(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['call_id'], ['calls.id'], name=op.f('fk_survey_cards_call_id_calls')),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_survey_cards_complaint_id_complaints')),
    sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_survey_cards_entered_by_id_users')),
    sa.ForeignKeyConstraint(['technician_id'], ['users.id'], name=op.f('fk_survey_cards_technician_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_cards')),
    sa.UniqueConstraint('call_id', name=op.f('uq_survey_cards_call_id')),
    sa.UniqueConstraint('number', name=op.f('uq_survey_cards_number'))
    )
    with op.batch_alter_table('survey_cards', schema=None) as batch_op:
        batch_op.create_index('ix_survey_status_issued', ['status', 'issued_on'], unique=False)
        batch_op.create_index('ix_survey_tech_issued', ['technician_id', 'issued_on'], unique=False)

    op.create_table('visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=False),
    sa.Column('arrived_at', sa.DateTime(), nullable=False),
    sa.Column('completed_at', sa.DateTime(), nullable=False),
    sa.Column('work_done', sa.Text(), nullable=False),
    sa.Column('parts_text', sa.Text(), nullable=False),
    sa.Column('labour_minutes', sa.Integer(), nullable=False),
    sa.Column('fee_cents', sa.Integer(), nullable=False),
    sa.Column('customer_signed', sa.Boolean(), nullable=False),
    sa.Column('outcome', sa.String(length=12), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_visits_job_id_jobs')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_visits_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['technician_id'], ['users.id'], name=op.f('fk_visits_technician_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index('ix_visits_completed', ['completed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_job_id'), ['job_id'], unique=False)
        batch_op.create_index('ix_visits_tech_completed', ['technician_id', 'completed_at'], unique=False)

    op.create_table('item_returns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_id', sa.Integer(), nullable=False),
    sa.Column('returned_at', sa.DateTime(), nullable=False),
    sa.Column('returned_by_id', sa.Integer(), nullable=False),
    sa.Column('collected_by', sa.String(length=60), nullable=False),
    sa.Column('customer_signed', sa.Boolean(), nullable=False),
    sa.Column('receipt_lost', sa.Boolean(), nullable=False),
    sa.Column('id_type', sa.String(length=20), nullable=False),
    sa.Column('id_last_digits', sa.String(length=6), nullable=False),
    sa.Column('phone_matched', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['receipt_id'], ['item_receipts.id'], name=op.f('fk_item_returns_receipt_id_item_receipts')),
    sa.ForeignKeyConstraint(['returned_by_id'], ['users.id'], name=op.f('fk_item_returns_returned_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_returns')),
    sa.UniqueConstraint('receipt_id', name=op.f('uq_item_returns_receipt_id'))
    )
    op.create_table('register_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_id', sa.Integer(), nullable=False),
    sa.Column('date_in', sa.DateTime(), nullable=False),
    sa.Column('receipt_number', sa.String(length=20), nullable=False),
    sa.Column('customer_name', sa.String(length=60), nullable=False),
    sa.Column('item_label', sa.String(length=200), nullable=False),
    sa.Column('accessories_text', sa.String(length=400), nullable=False),
    sa.Column('taken_in_by', sa.String(length=40), nullable=False),
    sa.Column('promised_date', sa.Date(), nullable=False),
    sa.Column('date_out', sa.DateTime(), nullable=True),
    sa.Column('returned_to', sa.String(length=60), nullable=False),
    sa.Column('returned_by', sa.String(length=40), nullable=False),
    sa.Column('remark', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['receipt_id'], ['item_receipts.id'], name=op.f('fk_register_entries_receipt_id_item_receipts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_entries')),
    sa.UniqueConstraint('receipt_id', name=op.f('uq_register_entries_receipt_id'))
    )
    with op.batch_alter_table('register_entries', schema=None) as batch_op:
        batch_op.create_index('ix_register_entries_in', ['date_in', 'id'], unique=False)
        batch_op.create_index('ix_register_entries_out', ['date_out'], unique=False)

    op.create_table('repair_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('receipt_id', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('total_minutes', sa.Integer(), nullable=False),
    sa.Column('parts_cents', sa.Integer(), nullable=False),
    sa.Column('print_count', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['receipt_id'], ['item_receipts.id'], name=op.f('fk_repair_cards_receipt_id_item_receipts')),
    sa.ForeignKeyConstraint(['technician_id'], ['users.id'], name=op.f('fk_repair_cards_technician_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_cards')),
    sa.UniqueConstraint('number', name=op.f('uq_repair_cards_number')),
    sa.UniqueConstraint('receipt_id', name=op.f('uq_repair_cards_receipt_id'))
    )
    with op.batch_alter_table('repair_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_repair_cards_technician_id'), ['technician_id'], unique=False)

    op.create_table('repair_inspections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('inspector_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['repair_cards.id'], name=op.f('fk_repair_inspections_card_id_repair_cards')),
    sa.ForeignKeyConstraint(['inspector_id'], ['users.id'], name=op.f('fk_repair_inspections_inspector_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_inspections'))
    )
    with op.batch_alter_table('repair_inspections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_repair_inspections_card_id'), ['card_id'], unique=False)

    op.create_table('repair_work',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('technician_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('stopped_at', sa.DateTime(), nullable=True),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['repair_cards.id'], name=op.f('fk_repair_work_card_id_repair_cards')),
    sa.ForeignKeyConstraint(['technician_id'], ['users.id'], name=op.f('fk_repair_work_technician_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_work'))
    )
    with op.batch_alter_table('repair_work', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_repair_work_card_id'), ['card_id'], unique=False)

    op.create_table('stock_movements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('balance_after', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('repair_card_id', sa.Integer(), nullable=True),
    sa.Column('voucher_id', sa.Integer(), nullable=True),
    sa.Column('overridden', sa.Boolean(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_stock_movements_actor_id_users')),
    sa.ForeignKeyConstraint(['part_id'], ['parts.id'], name=op.f('fk_stock_movements_part_id_parts')),
    sa.ForeignKeyConstraint(['repair_card_id'], ['repair_cards.id'], name=op.f('fk_stock_movements_repair_card_id_repair_cards')),
    sa.ForeignKeyConstraint(['voucher_id'], ['jobs.id'], name=op.f('fk_stock_movements_voucher_id_jobs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_movements'))
    )
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.create_index('ix_stock_movements_part_at', ['part_id', 'at'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movements_repair_card_id'), ['repair_card_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stock_movements_voucher_id'), ['voucher_id'], unique=False)

    op.create_table('repair_part_uses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('work_id', sa.Integer(), nullable=False),
    sa.Column('part_id', sa.Integer(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price_cents', sa.Integer(), nullable=False),
    sa.Column('movement_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['card_id'], ['repair_cards.id'], name=op.f('fk_repair_part_uses_card_id_repair_cards')),
    sa.ForeignKeyConstraint(['movement_id'], ['stock_movements.id'], name=op.f('fk_repair_part_uses_movement_id_stock_movements')),
    sa.ForeignKeyConstraint(['part_id'], ['parts.id'], name=op.f('fk_repair_part_uses_part_id_parts')),
    sa.ForeignKeyConstraint(['work_id'], ['repair_work.id'], name=op.f('fk_repair_part_uses_work_id_repair_work')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_repair_part_uses'))
    )
    with op.batch_alter_table('repair_part_uses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_repair_part_uses_card_id'), ['card_id'], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_DDL:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS calls_fts")
    with op.batch_alter_table('repair_part_uses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_repair_part_uses_card_id'))

    op.drop_table('repair_part_uses')
    with op.batch_alter_table('stock_movements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stock_movements_voucher_id'))
        batch_op.drop_index(batch_op.f('ix_stock_movements_repair_card_id'))
        batch_op.drop_index('ix_stock_movements_part_at')

    op.drop_table('stock_movements')
    with op.batch_alter_table('repair_work', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_repair_work_card_id'))

    op.drop_table('repair_work')
    with op.batch_alter_table('repair_inspections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_repair_inspections_card_id'))

    op.drop_table('repair_inspections')
    with op.batch_alter_table('repair_cards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_repair_cards_technician_id'))

    op.drop_table('repair_cards')
    with op.batch_alter_table('register_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_register_entries_out')
        batch_op.drop_index('ix_register_entries_in')

    op.drop_table('register_entries')
    op.drop_table('item_returns')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index('ix_visits_tech_completed')
        batch_op.drop_index(batch_op.f('ix_visits_job_id'))
        batch_op.drop_index('ix_visits_completed')

    op.drop_table('visits')
    with op.batch_alter_table('survey_cards', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_tech_issued')
        batch_op.drop_index('ix_survey_status_issued')

    op.drop_table('survey_cards')
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_collected_by_id'))
        batch_op.drop_index('ix_payments_collected')
        batch_op.drop_index(batch_op.f('ix_payments_bill_id'))

    op.drop_table('payments')
    with op.batch_alter_table('job_assignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_assignments_job_id'))

    op.drop_table('job_assignments')
    with op.batch_alter_table('item_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_receipts_voucher_id'))
        batch_op.drop_index('ix_item_receipts_status_promised')
        batch_op.drop_index(batch_op.f('ix_item_receipts_item_id'))
        batch_op.drop_index(batch_op.f('ix_item_receipts_customer_id'))
        batch_op.drop_index(batch_op.f('ix_item_receipts_call_id'))

    op.drop_table('item_receipts')
    with op.batch_alter_table('invoices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invoices_bill_id'))

    op.drop_table('invoices')
    op.drop_table('followups')
    with op.batch_alter_table('complaint_reminders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_reminders_complaint_id'))

    op.drop_table('complaint_reminders')
    with op.batch_alter_table('bill_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bill_lines_bill_id'))

    op.drop_table('bill_lines')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_jobs_tech_status')
        batch_op.drop_index('ix_jobs_status')
        batch_op.drop_index('ix_jobs_dispatched')
        batch_op.drop_index('ix_jobs_deadline')
        batch_op.drop_index(batch_op.f('ix_jobs_call_id'))

    op.drop_table('jobs')
    with op.batch_alter_table('exchanges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchanges_item_id'))

    op.drop_table('exchanges')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_status_deadline')
        batch_op.drop_index(batch_op.f('ix_complaints_customer_id'))
        batch_op.drop_index('ix_complaints_accepted')

    op.drop_table('complaints')
    op.drop_table('bills')
    with op.batch_alter_table('contract_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contract_items_item_id'))
        batch_op.drop_index(batch_op.f('ix_contract_items_contract_id'))

    op.drop_table('contract_items')
    with op.batch_alter_table('calls', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_calls_zone_id'))
        batch_op.drop_index('ix_calls_status_received')
        batch_op.drop_index('ix_calls_received')
        batch_op.drop_index(batch_op.f('ix_calls_item_id'))
        batch_op.drop_index('ix_calls_customer_received')

    op.drop_table('calls')
    with op.batch_alter_table('maintenance_contracts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_maintenance_contracts_previous_id'))
        batch_op.drop_index('ix_contracts_status_end')
        batch_op.drop_index('ix_contracts_customer')

    op.drop_table('maintenance_contracts')
    with op.batch_alter_table('items', schema=None) as batch_op:
        batch_op.drop_index('ix_items_serial')
        batch_op.drop_index(batch_op.f('ix_items_product_model_id'))
        batch_op.drop_index(batch_op.f('ix_items_customer_id'))

    op.drop_table('items')
    with op.batch_alter_table('customer_phones', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_phones_digits'))
        batch_op.drop_index(batch_op.f('ix_customer_phones_customer_id'))

    op.drop_table('customer_phones')
    with op.batch_alter_table('internal_work', schema=None) as batch_op:
        batch_op.drop_index('ix_internal_work_tech_day')
        batch_op.drop_index('ix_internal_work_day')

    op.drop_table('internal_work')
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_zone_id'))
        batch_op.drop_index(batch_op.f('ix_customers_name'))

    op.drop_table('customers')
    op.drop_table('zones')
    op.drop_table('users')
    op.drop_table('store_days')
    op.drop_table('settings')
    op.drop_table('product_models')
    with op.batch_alter_table('parts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_parts_name'))
        batch_op.drop_index('ix_parts_low')

    op.drop_table('parts')
    op.drop_table('document_counters')
    op.drop_table('business_hours')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_record')
        batch_op.drop_index('ix_audit_at')

    op.drop_table('audit_log')
