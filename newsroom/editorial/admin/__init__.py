"""Admin building blocks for editorial roles. Other apps' admins take them as bases (first, before
``admin.ModelAdmin`` or ``TabbedTranslationAdmin``):

- ``scoping.OrganisationScopedAdmin`` and ``scoping.ScopedChoicesMixin``: only the user's
  organisations' objects, in lists, choices and actions;
- ``history.HistoryAdmin``: scoped revisions, comparison, restore and recovery (organisations
  and contact persons);
- ``publishing.EditorialAdmin``: history plus the publishing workflow (articles and events),
  with ``PUBLISHING_FIELDSET`` and ``HISTORY_FIELDSET``;
- ``readonly.ReadOnlyAdminMixin``: records that are shown, never changed.
"""
