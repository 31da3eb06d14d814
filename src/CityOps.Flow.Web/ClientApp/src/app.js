// Portal behaviour: Tabler's components (dropdowns, collapsible sidebar) and htmx for partial page updates.
import "@tabler/core/dist/js/tabler.esm.js";
import htmx from "htmx.org";

window.htmx = htmx;

// htmx requests that change state carry the page's antiforgery token like a form post would.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="antiforgery-token"]');
  if (token && event.detail.verb !== "get") {
    event.detail.headers["RequestVerificationToken"] = token.content;
  }
});
