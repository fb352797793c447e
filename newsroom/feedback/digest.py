"""Feedback digests: new answers on a person's organisations' pages, daily or weekly.

For each page: how many answered and the share who found it helpful, least helpful first,
then the comments as stored (already redacted, see ``redaction.py``) — nothing else a reader
sent. Daily digests cover yesterday, weekly ones (recorded on Mondays) the week before; the
key (person, period, day) keeps a second run from mailing again. Spam and duplicates do not
count. A person without answers in the period gets no mail.
"""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, FloatField, Q
from django.db.models.functions import Cast
from django.utils import timezone

from newsroom.editorial import notices, registry
from newsroom.notifications.models import Preference
from newsroom.notifications.services import notify, preference_for

from .models import Feedback

DAYS = {Preference.Digest.DAILY: 1, Preference.Digest.WEEKLY: 7}


def _organisations_of(users):
    through = registry.organisation_model().members.through
    ids = defaultdict(set)
    for user_id, organisation_id in through.objects.filter(user__in=users).values_list(
        "user_id", through._meta.get_field("organisation").attname
    ):
        ids[user_id].add(organisation_id)
    return ids


def _pages(answers):
    return list(
        answers.values("path")
        .annotate(total=Count("pk"), yes=Count("pk", filter=Q(helpful=True)))
        .annotate(share=Cast(F("yes"), FloatField()) / Cast(F("total"), FloatField()))
        .order_by("share", "-total", "path")
    )


def feedback_digests(today=None):
    """Record today's feedback digests; how many."""
    today = today or timezone.localdate()
    end = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    kinds = [Preference.Digest.DAILY] + ([Preference.Digest.WEEKLY] if today.weekday() == 0 else [])
    users = list(notices.staff().filter(notification_preference__feedback_digest__in=kinds))
    organisations = _organisations_of(users)
    owner_type = ContentType.objects.get_for_model(registry.organisation_model())
    recorded = 0
    for user in users:
        period = preference_for(user).feedback_digest
        start = end - datetime.timedelta(days=DAYS[period])
        answers = Feedback.objects.counted().filter(
            created__gte=start,
            created__lt=end,
            owner_content_type=owner_type,
            owner_object_id__in=organisations.get(user.pk, ()),
        )
        pages = _pages(answers)
        if not pages:
            continue
        comments = defaultdict(list)
        for path, comment in (
            answers.exclude(comment="").order_by("created").values_list("path", "comment")
        ):
            comments[path].append(comment)
        for page in pages:
            page["percent"] = round(100 * page["share"])
            page["url"] = notices.absolute(page["path"])
            page["comments"] = comments.get(page["path"], [])
        notification = notify(
            user,
            key=f"feedback:{user.pk}:{period}:{today.isoformat()}",
            kind="feedback",
            template="feedback/mail/digest",
            context={
                "pages": pages,
                "start": timezone.localdate(start),
                "end": today - datetime.timedelta(days=1),
                "preferences_url": notices.preferences_url(),
            },
        )
        recorded += notification is not None
    return recorded
