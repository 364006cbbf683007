// Review keys for the suggestion panel: j/k/a/e/x/u anywhere on the page except while typing in a field.
export function watchKeys(panel, element) {
    const handler = event => {
        if (event.ctrlKey || event.metaKey || event.altKey) return;
        const target = event.target;
        if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
        if (!["j", "k", "a", "e", "x", "u"].includes(event.key)) return;
        event.preventDefault();
        panel.invokeMethodAsync("OnKey", event.key);
    };
    document.addEventListener("keydown", handler);
    // Tells a person's assistive tools and the browser tests that the keys now work.
    if (element) element.dataset.keys = "ready";
    return { dispose: () => document.removeEventListener("keydown", handler) };
}

export function show(id) {
    const element = document.getElementById(id);
    if (element) element.scrollIntoView({ block: "nearest" });
}
