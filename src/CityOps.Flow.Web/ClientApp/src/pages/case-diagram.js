// The case page's workflow diagram: the BPMN of the case's process version in bpmn-js's read-only viewer, with the
// elements the case is at now marked `case-diagram-active` and those it has completed `case-diagram-completed`.
// The container says where the XML is and which elements to mark:
//   <div data-case-diagram data-src="/cases/{id}/diagram.bpmn" data-active="HandleCase" data-completed="Triage Route">
import NavigatedViewer from "bpmn-js/lib/NavigatedViewer";
import "bpmn-js/dist/assets/diagram-js.css";

const ids = (value) => (value || "").split(/\s+/).filter(Boolean);

async function show(container) {
  if (container.dataset.caseDiagramState) {
    return;
  }
  container.dataset.caseDiagramState = "loading";
  try {
    const response = await fetch(container.dataset.src, { credentials: "same-origin", headers: { Accept: "application/xml" } });
    if (!response.ok) {
      throw new Error(`${response.status} ${response.statusText}`);
    }
    const xml = await response.text();
    container.replaceChildren();
    const viewer = new NavigatedViewer({ container });
    await viewer.importXML(xml);
    const canvas = viewer.get("canvas");
    const registry = viewer.get("elementRegistry");
    for (const id of ids(container.dataset.completed)) {
      if (registry.get(id)) {
        canvas.addMarker(id, "case-diagram-completed");
      }
    }
    const active = ids(container.dataset.active).filter((id) => registry.get(id));
    for (const id of active) {
      canvas.addMarker(id, "case-diagram-active");
    }
    canvas.zoom("fit-viewport", "auto");
    if (active.length > 0 && container.clientWidth < 576) {
      // On a phone the whole process is too small to read: centre on where the case is now.
      const element = registry.get(active[0]);
      canvas.zoom(1, { x: element.x + element.width / 2, y: element.y + element.height / 2 });
    }
    container.dataset.caseDiagramState = "shown";
  } catch (error) {
    container.dataset.caseDiagramState = "failed";
    const message = document.createElement("div");
    message.className = "p-3 text-danger";
    message.dataset.role = "diagram-failed";
    message.textContent = (container.dataset.failedText || "") + error.message;
    container.replaceChildren(message);
  }
}

function showAll(root) {
  root.querySelectorAll("[data-case-diagram]").forEach((container) => show(container));
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", () => showAll(document));
} else {
  showAll(document);
}
document.addEventListener("htmx:load", (event) => showAll(event.target));
