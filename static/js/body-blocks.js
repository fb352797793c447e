// Blocks in a body, for the prose editor: an image of the library, a quote, a fact box, a
// video, a list of documents and a call to action. Each is stored as the HTML that
// newsroom/core/blocks.py reads (its docstring lists the forms); the server sanitises it
// and renders it for readers, so nothing here is needed to read a page.
//
// All but the fact box are edited in a dialog, as a whole: the editor shows a card with
// what the block holds and an "Edit" button; Delete or Backspace on a selected card removes
// it. The fact box holds text, so it is written in place, like a quote.
import { Node } from "django-prose-editor/editor";

const gettext = window.gettext || ((text) => text);
let dialogs = 0;

function element(tag, properties = {}, children = []) {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

// What the admin's library offers: [{id, label, ...}], newest first, matching `query`.
async function choices(url, query = "", id = "") {
  const address = new URL(url, window.location.href);
  if (query) address.searchParams.set("q", query);
  if (id) address.searchParams.set("id", id);
  const response = await fetch(address, { credentials: "same-origin" });
  return response.ok ? (await response.json()).results : [];
}

function field(spec, value, id) {
  const label = element("label", { htmlFor: id, textContent: spec.label });
  let input;
  if (spec.type === "select") {
    input = element("select", { id, name: spec.name, multiple: !!spec.multiple });
    const chosen = new Set([].concat(value ?? []).map(String));
    for (const option of spec.options) {
      input.append(
        element("option", {
          value: option.value,
          textContent: option.label,
          selected: chosen.has(String(option.value)),
        }),
      );
    }
    if (spec.multiple) input.size = Math.min(8, Math.max(3, spec.options.length));
  } else if (spec.type === "textarea") {
    input = element("textarea", { id, name: spec.name, rows: 4, value: value ?? "" });
  } else {
    input = element("input", { id, name: spec.name, type: spec.type || "text", value: value ?? "" });
  }
  input.required = !!spec.required;
  if (spec.maxLength) input.maxLength = spec.maxLength;
  const parts = [label, input];
  if (spec.help) {
    const help = element("p", { className: "help", id: `${id}-help`, textContent: spec.help });
    input.setAttribute("aria-describedby", help.id);
    parts.push(help);
  }
  return element("div", { className: "body-block-dialog__field" }, parts);
}

// A modal dialog with `fields`; resolves to {name: value} when saved, null when cancelled.
function ask(editor, title, fields, values = {}) {
  return new Promise((resolve) => {
    const number = ++dialogs;
    const heading = element("h2", { id: `body-block-${number}`, textContent: title });
    const form = element("form", { method: "dialog" }, [heading]);
    fields.forEach((spec, index) =>
      form.append(field(spec, values[spec.name], `body-block-${number}-${index}`)),
    );
    const save = element("button", { type: "submit", className: "default", textContent: gettext("Save") });
    const cancel = element("button", { type: "button", textContent: gettext("Cancel") });
    form.append(element("div", { className: "body-block-dialog__buttons" }, [save, cancel]));
    const dialog = element("dialog", { className: "body-block-dialog" }, [form]);
    dialog.setAttribute("aria-labelledby", heading.id);
    let answer = null;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      answer = Object.fromEntries(
        fields.map((spec) => {
          const input = form.elements.namedItem(spec.name);
          const value = spec.multiple
            ? [...input.selectedOptions].map((option) => option.value)
            : input.value.trim();
          return [spec.name, value];
        }),
      );
      dialog.close();
    });
    cancel.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => {
      dialog.remove();
      editor.commands.focus();
      resolve(answer);
    });
    editor.view.dom.closest(".prose-editor").append(dialog);
    dialog.showModal();
  });
}

// An atom: one card in the editor, edited with `edit(editor, attrs) -> Promise<attrs|null>`.
function block({ name, extension, tag, kind, icon, label, attributes, read, write, describe, edit }) {
  return Node.create({
    name,
    group: "block",
    atom: true,
    draggable: true,
    selectable: true,
    addOptions: () => ({ choices: "" }),
    addAttributes: () =>
      Object.fromEntries(Object.entries(attributes).map(([key, fallback]) => [key, { default: fallback }])),
    parseHTML: () => [
      { tag: `${tag}[data-block="${kind}"]`, priority: 100, getAttrs: (dom) => read(dom) },
    ],
    renderHTML: ({ node }) => write(node.attrs),
    addCommands() {
      return {
        [`insert${extension}`]:
          () =>
          ({ editor }) => {
            edit(editor, { ...attributes }, this.options).then((attrs) => {
              if (!attrs) return;
              // After a selected block, not in its place: a new block never replaces one. The
              // writing goes on in a paragraph after it (left empty, it is dropped on save).
              const { selection } = editor.state;
              const content = [{ type: name, attrs }, { type: "paragraph" }];
              const chain = editor.chain().focus();
              (selection.node ? chain.insertContentAt(selection.to, content) : chain.insertContent(content)).run();
            });
            return true;
          },
      };
    },
    addMenuItems({ buttons, menu }) {
      menu.defineItem({
        name,
        groups: "blocks",
        button: buttons.material(icon, label()),
        command: (editor) => editor.commands[`insert${extension}`](),
      });
    },
    addNodeView() {
      return ({ editor, node, getPos }) => {
        const summary = element("span", { className: "body-block__summary" });
        const button = element("button", { type: "button", className: "button", textContent: gettext("Edit") });
        const dom = element("div", { className: `body-block body-block--${kind}`, contentEditable: "false" }, [
          element("strong", { className: "body-block__kind", textContent: label() }),
          summary,
          button,
        ]);
        let current = node;
        const show = () => describe(current.attrs, summary, this.options);
        button.addEventListener("click", () =>
          edit(editor, { ...current.attrs }, this.options).then((attrs) => {
            if (attrs) editor.chain().setNodeSelection(getPos()).updateAttributes(name, attrs).run();
          }),
        );
        show();
        return {
          dom,
          update(updated) {
            if (updated.type !== current.type) return false;
            current = updated;
            show();
            return true;
          },
          stopEvent: (event) => dom.contains(event.target) && event.target.closest("button"),
          ignoreMutation: () => true,
        };
      };
    },
  });
}

const text = (dom, selector) => dom.querySelector(selector)?.textContent.trim() ?? "";

export const BodyImage = block({
  name: "bodyImage",
  extension: "BodyImage",
  tag: "figure",
  kind: "image",
  icon: "image",
  label: () => gettext("Image"),
  attributes: { image: "", layout: "full", alt: "", caption: "" },
  read: (dom) => ({
    image: dom.dataset.image || "",
    layout: dom.dataset.layout || "full",
    alt: dom.dataset.alt || "",
    caption: text(dom, "figcaption"),
  }),
  write: ({ image, layout, alt, caption }) => [
    "figure",
    { "data-block": "image", "data-image": image, "data-layout": layout, ...(alt ? { "data-alt": alt } : {}) },
    ...(caption ? [["figcaption", caption]] : []),
  ],
  describe: (attrs, summary, options) => {
    summary.textContent = `${attrs.caption || attrs.alt || ""} (${attrs.layout === "inset" ? gettext("Beside the text") : gettext("Full width")})`;
    choices(options.choices, "", attrs.image).then(([chosen]) => {
      summary.prepend(
        chosen
          ? element("img", { src: chosen.thumbnail, alt: "", width: 80 })
          : element("em", { textContent: `${gettext("Not in the image library any more")} ` }),
      );
      if (chosen && !attrs.caption && !attrs.alt) summary.append(` ${chosen.label}`);
    });
  },
  edit: async (editor, attrs, options) => {
    const images = await choices(options.choices, "", attrs.image);
    const others = attrs.image ? await choices(options.choices) : [];
    const offered = [...images, ...others.filter((image) => String(image.id) !== String(attrs.image))];
    return ask(editor, gettext("Image"), [
      {
        name: "image",
        label: gettext("Image from the library"),
        type: "select",
        required: true,
        options: offered.map((image) => ({ value: image.id, label: image.label })),
        help: gettext("The newest images are listed; upload new ones in the image library."),
      },
      {
        name: "layout",
        label: gettext("Placement"),
        type: "select",
        options: [
          { value: "full", label: gettext("Full width") },
          { value: "inset", label: gettext("Beside the text") },
        ],
      },
      {
        name: "alt",
        label: gettext("Alternative text here"),
        maxLength: 250,
        help: gettext("Leave empty to use the library's alternative text."),
      },
      {
        name: "caption",
        label: gettext("Caption here"),
        maxLength: 300,
        help: gettext("Leave empty to use the library's caption. The photographer is added by the site."),
      },
    ], attrs);
  },
});

export const BodyQuote = block({
  name: "bodyQuote",
  extension: "BodyQuote",
  tag: "figure",
  kind: "quote",
  icon: "record_voice_over",
  label: () => gettext("Quote with speaker"),
  attributes: { quote: "", speaker: "", role: "" },
  read: (dom) => ({ quote: text(dom, "blockquote"), speaker: text(dom, "cite"), role: text(dom, "small") }),
  write: ({ quote, speaker, role }) => [
    "figure",
    { "data-block": "quote" },
    ["blockquote", ["p", quote]],
    ...(speaker || role
      ? [["figcaption", ...(speaker ? [["cite", speaker]] : []), ...(role ? [["small", role]] : [])]]
      : []),
  ],
  describe: (attrs, summary) => {
    summary.textContent = `“${attrs.quote}”${attrs.speaker ? ` — ${attrs.speaker}` : ""}`;
  },
  edit: (editor, attrs) =>
    ask(editor, gettext("Quote with speaker"), [
      { name: "quote", label: gettext("Quote"), type: "textarea", required: true, maxLength: 1000 },
      { name: "speaker", label: gettext("Who said it"), maxLength: 200 },
      { name: "role", label: gettext("Their role"), maxLength: 200 },
    ], attrs),
});

export const BodyVideo = block({
  name: "bodyVideo",
  extension: "BodyVideo",
  tag: "figure",
  kind: "video",
  icon: "smart_display",
  label: () => gettext("Video"),
  attributes: { url: "", title: "", duration: "", transcript: "" },
  read: (dom) => ({
    url: dom.dataset.url || "",
    duration: dom.dataset.duration || "",
    title: text(dom, "figcaption"),
    transcript: [...dom.querySelectorAll("p")].map((p) => p.textContent.trim()).join("\n\n"),
  }),
  write: ({ url, title, duration, transcript }) => [
    "figure",
    { "data-block": "video", "data-url": url, ...(duration ? { "data-duration": duration } : {}) },
    ["figcaption", title],
    ...transcript
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map((paragraph) => ["p", paragraph]),
  ],
  describe: (attrs, summary) => {
    summary.textContent = `${attrs.title || attrs.url}${attrs.transcript ? "" : ` — ${gettext("no transcript yet")}`}`;
  },
  edit: async (editor, attrs) => {
    const minutes = attrs.duration ? `${Math.floor(attrs.duration / 60)}:${String(attrs.duration % 60).padStart(2, "0")}` : "";
    const answer = await ask(editor, gettext("Video"), [
      {
        name: "url",
        label: gettext("Address of the player"),
        type: "url",
        required: true,
        help: gettext("The embed address (https) from the video service, such as YouTube's privacy-enhanced mode."),
      },
      { name: "title", label: gettext("Title of the video"), required: true, maxLength: 200 },
      { name: "playingTime", label: gettext("Length (minutes:seconds)"), maxLength: 8 },
      {
        name: "transcript",
        label: gettext("Transcript"),
        type: "textarea",
        help: gettext("What is said and shown, for readers who cannot watch or hear it."),
      },
    ], { ...attrs, playingTime: minutes });
    if (!answer) return null;
    const [whole, min, sec] = answer.playingTime.match(/^(\d{1,4})(?::(\d{1,2}))?$/) || [];
    const duration = whole ? String(Number(min) * 60 + Number(sec ?? 0)) : "";
    return { url: answer.url, title: answer.title, transcript: answer.transcript, duration };
  },
});

export const DocumentList = block({
  name: "documentList",
  extension: "DocumentList",
  tag: "ul",
  kind: "documents",
  icon: "description",
  label: () => gettext("Documents"),
  attributes: { documents: [] },
  read: (dom) => ({
    documents: [...dom.querySelectorAll("a")].map((a) => ({ href: a.getAttribute("href"), title: a.textContent.trim() })),
  }),
  write: ({ documents }) => [
    "ul",
    { "data-block": "documents" },
    ...documents.map(({ href, title }) => ["li", ["a", { href }, title]]),
  ],
  describe: (attrs, summary) => {
    summary.textContent = attrs.documents.map((document) => document.title).join(", ");
  },
  edit: async (editor, attrs, options) => {
    const offered = await choices(options.choices);
    const hrefs = new Set(attrs.documents.map((document) => document.href));
    const chosen = offered.filter((document) => hrefs.has(document.href)).map((document) => document.id);
    const answer = await ask(editor, gettext("Documents"), [
      {
        name: "documents",
        label: gettext("Documents from the library"),
        type: "select",
        multiple: true,
        required: true,
        options: offered.map((document) => ({ value: document.id, label: document.label })),
        help: gettext("Choose one or more; readers see each one's format, size and language."),
      },
    ], { documents: chosen });
    if (!answer) return null;
    const byId = new Map(offered.map((document) => [String(document.id), document]));
    return {
      documents: answer.documents.map((id) => byId.get(id)).map(({ href, title }) => ({ href, title })),
    };
  },
});

export const CallToAction = block({
  name: "callToAction",
  extension: "CallToAction",
  tag: "p",
  kind: "cta",
  icon: "ads_click",
  label: () => gettext("Call to action"),
  attributes: { href: "", label: "" },
  read: (dom) => ({ href: dom.querySelector("a")?.getAttribute("href") || "", label: text(dom, "a") }),
  write: ({ href, label }) => ["p", { "data-block": "cta" }, ["a", { href }, label]],
  describe: (attrs, summary) => {
    summary.textContent = `${attrs.label} → ${attrs.href}`;
  },
  edit: (editor, attrs) =>
    ask(editor, gettext("Call to action"), [
      { name: "label", label: gettext("Text of the button"), required: true, maxLength: 80, help: gettext("Say what happens, such as “Sign up”.") },
      { name: "href", label: gettext("Address"), required: true, maxLength: 500, help: gettext("A page of this site (/sv/…) or another site (https://…).") },
    ], attrs),
});

// Text in a box of its own: headings, paragraphs and lists, written in place.
export const FactBox = Node.create({
  name: "factBox",
  group: "block",
  content: "(paragraph | heading | bulletList | orderedList)+",
  defining: true,
  parseHTML: () => [{ tag: 'div[data-block="facts"]', priority: 100 }],
  renderHTML: () => ["div", { "data-block": "facts" }, 0],
  addCommands() {
    return {
      toggleFactBox:
        () =>
        ({ commands }) =>
          this.editor.isActive(this.name) ? commands.lift(this.name) : commands.wrapIn(this.name),
    };
  },
  addMenuItems({ buttons, menu }) {
    menu.defineItem({
      name: "factBox",
      groups: "blocks",
      button: buttons.material("info", gettext("Fact box")),
      command: (editor) => editor.chain().focus().toggleFactBox().run(),
      active: (editor) => editor.isActive("factBox"),
      enabled: (editor) => editor.can().toggleFactBox(),
    });
  },
});
