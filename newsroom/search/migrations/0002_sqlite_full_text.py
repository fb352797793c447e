from django.db import migrations

# Title and text only: kind, language, object and date are in SearchDocument, whose id is the
# rowid here, so matching never reads the stored texts back. The title ranks above the text.
CREATE = """
CREATE VIRTUAL TABLE search_text USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 0'
)
"""


def create_full_text_table(apps, schema_editor):
    """SQLite's full-text index; PostgreSQL searches ``SearchDocument.document`` instead."""
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE)


def drop_full_text_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_text")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_full_text_table, drop_full_text_table),
    ]
