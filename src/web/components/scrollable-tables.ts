// A wide table scrolls inside its own box (.table-wrap), never the page. For a keyboard user to
// scroll it, the box must take focus and say what it holds (WCAG 2.1.1 and 4.1.2), so each box
// that is wider than the screen becomes a named, focusable region; one that fits stays out of
// the tab order.

function labelOf(wrap: HTMLElement): string {
  const caption = wrap.querySelector("caption");
  const text = (caption?.firstChild?.textContent ?? caption?.textContent ?? "").trim();
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
