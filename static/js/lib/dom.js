// Building the page's elements: every script makes its nodes through `el`, never from HTML text.

/** `<tag attrs...>children</tag>`; children are nodes or strings (strings stay text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
