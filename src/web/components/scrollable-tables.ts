// A wide table scrolls inside its own box (.table-wrap), never the page. For a keyboard user to
// scroll it, the box must take focus and say what it holds (WCAG 2.1.1 and 4.1.2), so each box
// that is wider than the screen becomes a named, focusable region; one that fits stays out of
// the tab order.

const HEADING = "h1, h2, h3, h4, h5, h6";

/** The nearest heading before `el` in document order: a previous sibling's (or its last inner heading), else an ancestor's. */
function headingBefore(el: Element): string {
  for (let node: Element | null = el; node && node.tagName !== "MAIN"; node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const heading = sibling.matches(HEADING) ? sibling : [...sibling.querySelectorAll(HEADING)].pop();
      const text = heading?.textContent?.trim();
      if (text) return text;
    }
  }
  return "";
}

/** The table's caption (its first line, without a note under it), else the heading the table stands under. */
function labelOf(wrap: HTMLElement): string {
  const caption = wrap.querySelector("caption");
  const text = (caption?.firstChild?.textContent ?? caption?.textContent ?? "").trim() || headingBefore(wrap);
  return text ? `Tabell: ${text}` : "Tabell";
}

/** Marks every .table-wrap under `root` that overflows as a scrollable region, and unmarks the rest. */
export function markScrollableTables(root: ParentNode): void {
  for (const wrap of root.querySelectorAll<HTMLElement>(".table-wrap")) {
    const overflows = wrap.scrollWidth > wrap.clientWidth + 1;
    if (overflows) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", labelOf(wrap));
    } else if (wrap.getAttribute("role") === "region") {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }
}

/** Keeps the marks right as pages load their tables and the window changes size; returns a stop function. */
export function watchScrollableTables(root: HTMLElement): () => void {
  let frame = 0;
  const schedule = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => markScrollableTables(root));
  };
  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true });
  window.addEventListener("resize", schedule);
  schedule();
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
    window.removeEventListener("resize", schedule);
  };
}
