// Maps the reader's mouse (or keyboard) selection back to offsets in the stored document text. Every rendered run of
// text carries data-start (its offset in UTF-16 code units, which is what JavaScript strings and C# strings both count)
// and the text element carries data-length; the server checks the result against the stored text.

export function watchSelection(container, dotnet) {
    const report = () => {
        // Let the browser finish extending the selection (a triple-click, shift-click) before reading it.
        setTimeout(() => dotnet.invokeMethodAsync("OnTextSelected", read(container)), 0);
    };
    container.addEventListener("mouseup", report);
    container.addEventListener("keyup", report);
    const touch = watchTouchSelection(container, report);
    return {
        dispose() {
            container.removeEventListener("mouseup", report);
            container.removeEventListener("keyup", report);
            touch.dispose();
        },
    };
}

// On a phone a long press selects a word and the handles then widen it: no mouseup, and the handles fire no touch
// events on the page. So after a touch on the text, each selection change is reported once the handles rest.
function watchTouchSelection(container, report) {
    let touching = false, settle = 0;
    const onTouchStart = () => { touching = true; };
    const onMouseDown = (e) => { if (!e.sourceCapabilities?.firesTouchEvents) touching = false; };
    const onTouchEnd = () => { clearTimeout(settle); settle = setTimeout(report, 50); };
    const onSelectionChange = () => {
        if (!touching) return;
        clearTimeout(settle);
        settle = setTimeout(report, 400);
    };
    container.addEventListener("touchstart", onTouchStart, { passive: true });
    container.addEventListener("touchend", onTouchEnd);
    container.addEventListener("mousedown", onMouseDown);
    document.addEventListener("selectionchange", onSelectionChange);
    return {
        dispose() {
            clearTimeout(settle);
            container.removeEventListener("touchstart", onTouchStart);
            container.removeEventListener("touchend", onTouchEnd);
            container.removeEventListener("mousedown", onMouseDown);
            document.removeEventListener("selectionchange", onSelectionChange);
        },
    };
}

function read(container) {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(container)) return null;
    const text = container.textContent;
    let start = boundary(container, range.startContainer, range.startOffset);
    let end = boundary(container, range.endContainer, range.endOffset);
    // A triple-click takes the line break after a sentence too; quotes start and end with what was said.
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start >= end) return null;
    const rect = range.getBoundingClientRect();
    return { start, end, exact: text.slice(start, end), x: Math.round(rect.left), y: Math.round(rect.bottom) };
}

function boundary(container, node, offset) {
    const length = Number(container.dataset.length);
    if (!container.contains(node)) {
        // The selection runs past the text: clamp it to the text's start or end.
        return node.compareDocumentPosition(container) & Node.DOCUMENT_POSITION_FOLLOWING ? 0 : length;
    }
    if (node.nodeType === Node.TEXT_NODE) {
        const run = node.parentElement.closest("[data-start]");
        return run ? Number(run.dataset.start) + offset : 0;
    }
    if (node === container) {
        const next = container.childNodes[offset];
        return next ? startOf(next, length) : length;
    }
    const run = node.closest("[data-start]");
    if (!run) return 0;
    return offset === 0 ? Number(run.dataset.start) : Number(run.dataset.start) + run.textContent.length;
}

function startOf(node, length) {
    if (node.nodeType === Node.ELEMENT_NODE && node.dataset.start !== undefined) return Number(node.dataset.start);
    const run = node.nextElementSibling?.closest?.("[data-start]");
    return run ? Number(run.dataset.start) : length;
}
