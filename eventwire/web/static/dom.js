// Small DOM helpers. Text from the store only ever enters the page as text nodes.

/**
 * A new element: `attrs` are attributes (null/undefined/false skipped), `children` are
 * nodes or values that become text nodes (null/undefined skipped).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  appendAll(node, children);
  return node;
}

export function appendAll(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function replaceChildren(node, ...children) {
  node.replaceChildren();
  return appendAll(node, children);
}

/** Whether a URL from the store may become a link (http and https only). */
export function isWebUrl(url) {
  if (typeof url !== "string") return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}

/** A link that opens apart from the page, or the URL as plain text when it is not http(s). */
export function externalLink(url, label = url) {
  if (!isWebUrl(url)) return el("span", { class: "url" }, label);
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, label);
}

export function plural(count, one, many = `${one}s`) {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

export function byTestId(id) {
  return document.querySelector(`[data-testid="${id}"]`);
}
