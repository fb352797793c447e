from django import template

from newsroom.editorial import dashboard

register = template.Library()


@register.inclusion_tag("editorial/dashboard.html", takes_context=True)
def editorial_dashboard(context):
    user = context["request"].user
    return {
        "sections": dashboard.content_sections(user) + dashboard.working_copy_sections(user),
        "feedback": dashboard.recent_feedback(user),
    }
