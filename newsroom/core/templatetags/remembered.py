"""``{% remembered "name" value … %}…{% endremembered %}``: HTML rendered once per generation.

The enclosed template is rendered the first time and its HTML kept by ``newsroom.core.memo``
under the name, the values given (an object's pk, a page number), the active language and the
host (absolute addresses include it), until an editor changes content or the next scheduled
publish or unpublish. Enclose only what depends on those and on published content, nothing of
the request or the reader (no forms, no tokens). A preview (``preview`` true in the context) is
always rendered afresh: it shows what is not published.
"""

from django import template
from django.utils.translation import get_language

from newsroom.core import memo

register = template.Library()


class RememberedNode(template.Node):
    def __init__(self, name, values, nodelist):
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        if context.get("preview"):
            return self.nodelist.render(context)
        request = context.get("request")
        key = (
            "fragment",
            self.name,
            get_language(),
            request.get_host() if request is not None else "",
            *(value.resolve(context) for value in self.values),
        )
        return memo.remember(key, lambda: self.nodelist.render(context))


@register.tag
def remembered(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name first")
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    values = [parser.compile_filter(bit) for bit in bits[2:]]
    return RememberedNode(bits[1][1:-1], values, nodelist)
