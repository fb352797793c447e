// Lists pasted from Word become lists. Word does not put <ul> or <ol> on the clipboard: each item
// is a paragraph styled "mso-list:l0 level1 lfo1" whose bullet or number is typed text in a
// span styled "mso-list:Ignore" (inside <![if !supportLists]>, which a browser reads as a
// comment). The rich text editor would keep them as paragraphs starting with "·". Before the
// editor sees such a paste, the paragraphs are made into nested lists, the typed markers
// dropped, and the paste handed on; everything else the editor parses and the server
// sanitises as before.
(function () {
  "use strict";
  if (window.newsroomWordPaste) return;
  window.newsroomWordPaste = true;

  const LIST_ITEM = /mso-list:\s*l(\d+)\s+level(\d+)/i;
  const NUMBERED = /^\(?([0-9]{1,3}|[a-z]{1,2}|[ivxlc]{1,6})[.)]/i;
  const handedOn = new WeakSet();

  function itemOf(node) {
    if (node.nodeType !== Node.ELEMENT_NODE || node.tagName !== "P") return null;
    const match = (node.getAttribute("style") || "").match(LIST_ITEM);
    return match ? { node, list: match[1], level: Number(match[2]) } : null;
  }

  // The marker Word typed ("·", "o", "1.", "a)"), taken out of the item; whether it numbers.
  function takeMarker(paragraph) {
    const marker = Array.from(paragraph.querySelectorAll("span")).find((span) =>
      /mso-list:\s*ignore/i.test(span.getAttribute("style") || "")
    );
    const text = marker ? marker.textContent.replace(/\s/g, "") : "";
    if (marker) marker.remove();
    return NUMBERED.test(text);
  }

  function nextItem(node) {
    let next = node.nextSibling;
    while (next && next.nodeType !== Node.ELEMENT_NODE && !next.textContent.trim()) {
      next = next.nextSibling;
    }
    return next && itemOf(next);
  }

  // One run of consecutive list paragraphs into one list, nested by their level.
  function buildList(document, items) {
    const stack = [];
    let root = null;
    for (const { node, level } of items) {
      const numbered = takeMarker(node);
      while (stack.length > level) stack.pop();
      while (stack.length < level) {
        const list = document.createElement(numbered ? "ol" : "ul");
        const parent = stack[stack.length - 1];
        if (parent) {
          const last = parent.lastElementChild || parent.appendChild(document.createElement("li"));
          last.append(list);
        } else {
          root = list;
        }
        stack.push(list);
      }
      const item = document.createElement("li");
      item.append(...node.childNodes);
      stack[stack.length - 1].append(item);
    }
    return root;
  }

  function convert(html) {
    const document = new DOMParser().parseFromString(html, "text/html");
    let changed = false;
    for (const paragraph of Array.from(document.querySelectorAll("p"))) {
      const first = paragraph.isConnected && itemOf(paragraph);
      if (!first) continue;
      const items = [first];
      for (let item = nextItem(paragraph); item; item = nextItem(item.node)) items.push(item);
      const list = buildList(document, items);
      first.node.before(list);
      items.forEach(({ node }) => node.remove());
      changed = true;
    }
    return changed ? document.body.innerHTML : null;
  }

  document.addEventListener(
    "paste",
    (event) => {
      const editor = event.target.closest && event.target.closest(".prose-editor");
      const data = event.clipboardData;
      if (!editor || !data || handedOn.has(event)) return;
      const html = data.getData("text/html");
      const lists = html && LIST_ITEM.test(html) ? convert(html) : null;
      if (!lists) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const converted = new DataTransfer();
      converted.setData("text/html", lists);
      converted.setData("text/plain", data.getData("text/plain"));
      const again = new ClipboardEvent("paste", {
        clipboardData: converted,
        bubbles: true,
        cancelable: true,
      });
      handedOn.add(again);
      event.target.dispatchEvent(again);
    },
    true
  );
})();
