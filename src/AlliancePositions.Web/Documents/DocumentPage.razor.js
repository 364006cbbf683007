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

// Selecting with the keyboard. Read-only text has no caret unless the reader turns on caret browsing (F7), so the
// focusable text keeps one of its own: arrows move it, Shift+arrows extend the selection from it (Ctrl: by word or
// paragraph; Home/End: to the line's ends), and a drawn bar shows where it is. Selection.modify does the moving, so the
// offsets still come from read() above and stay exact UTF-16 spans. Shift+F10 or the menu key ask the page to open
// the selection menu; in the menu, arrows move between its items and Escape closes it and returns to the text.
const moves = {
    ArrowLeft: ["backward", "character", "word"], ArrowRight: ["forward", "character", "word"],
    ArrowUp: ["backward", "line", "paragraph"], ArrowDown: ["forward", "line", "paragraph"],
    Home: ["backward", "lineboundary", "lineboundary"], End: ["forward", "lineboundary", "lineboundary"],
};

export function watchKeyboard(container, dotnet) {
    // Everything below attaches synchronously: once this mark is visible, keys reach the reader (the browser tests wait for it).
    container.dataset.keyboard = "ready";
    const caret = document.createElement("div");
    caret.setAttribute("aria-hidden", "true");
    Object.assign(caret.style, {
        position: "absolute", width: "2px", background: "currentColor", pointerEvents: "none", display: "none", zIndex: "5",
    });
    document.body.appendChild(caret);
    const menuArea = container.parentElement;

    const textNodes = () => {
        const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
        const nodes = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.length > 0) nodes.push(node);
        return nodes;
    };
    const inside = (node) => node !== null && container.contains(node);

    const placeCaret = () => {
        const selection = window.getSelection();
        if (selection.rangeCount > 0 && inside(selection.focusNode)) return;
        // Start where the focus is (an annotated passage reached with Tab), else at the top of the text.
        const from = inside(document.activeElement) && document.activeElement !== container ? document.activeElement : container;
        const first = document.createTreeWalker(from, NodeFilter.SHOW_TEXT).nextNode();
        if (first) selection.collapse(first, 0);
    };

    // Keeps the caret inside the text: a move past either end stops at that end.
    const clamp = (extend) => {
        const selection = window.getSelection();
        if (inside(selection.focusNode)) return;
        const nodes = textNodes();
        if (nodes.length === 0) return;
        const before = selection.focusNode && (container.compareDocumentPosition(selection.focusNode) & Node.DOCUMENT_POSITION_PRECEDING);
        const [node, offset] = before ? [nodes[0], 0] : [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
        if (extend && inside(selection.anchorNode)) selection.extend(node, offset);
        else selection.collapse(node, offset);
    };

    const draw = () => {
        const selection = window.getSelection();
        if (selection.rangeCount === 0 || !inside(selection.focusNode) || !container.contains(document.activeElement)) {
            caret.style.display = "none";
            return;
        }
        const range = document.createRange();
        range.setStart(selection.focusNode, selection.focusOffset);
        range.collapse(true);
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        if (!rect || rect.height === 0) { caret.style.display = "none"; return; }
        Object.assign(caret.style, {
            display: "block", left: `${rect.left + window.scrollX}px`, top: `${rect.top + window.scrollY}px`, height: `${rect.height}px`,
            color: getComputedStyle(container).color,
        });
        if (rect.top < 72 || rect.bottom > window.innerHeight) window.scrollBy(0, rect.top - window.innerHeight / 2);
    };

    const onTextKey = (event) => {
        if (event.key === "ContextMenu" || (event.shiftKey && event.key === "F10")) {
            event.preventDefault();
            dotnet.invokeMethodAsync("OpenSelectionMenu");
            return;
        }
        const move = moves[event.key];
        if (!move || event.altKey || event.metaKey) return;
        event.preventDefault();
        placeCaret();
        const [direction, granularity, wider] = move;
        const alter = event.shiftKey ? "extend" : "move";
        window.getSelection().modify(alter, direction, event.ctrlKey ? wider : granularity);
        clamp(event.shiftKey);
        draw();
    };

    const onFocus = () => {
        // Only a keyboard focus (Tab) places the caret: a mouse press sets its own.
        if (container.matches(":focus-visible")) placeCaret();
        draw();
    };
    const onBlur = () => setTimeout(draw, 0);
    const onMouseDown = () => { caret.style.display = "none"; };

    const onMenuKey = (event) => {
        const menu = event.target.closest?.(".selection-menu");
        if (!menu) return;
        const items = [...menu.querySelectorAll("[role=menuitem]")];
        const at = items.indexOf(event.target.closest("[role=menuitem]"));
        const go = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
        if (go !== undefined && items.length > 0) {
            event.preventDefault();
            const next = items[(go + items.length) % items.length];
            for (const item of items) item.tabIndex = item === next ? 0 : -1;
            next.focus();
        } else if (event.key === "Escape") {
            event.preventDefault();
            container.focus();
            draw();
            dotnet.invokeMethodAsync("CloseSelectionMenu");
        }
    };

    container.addEventListener("keydown", onTextKey);
    container.addEventListener("focus", onFocus);
    container.addEventListener("blur", onBlur, true);
    container.addEventListener("mousedown", onMouseDown);
    menuArea.addEventListener("keydown", onMenuKey);
    return {
        dispose() {
            container.removeEventListener("keydown", onTextKey);
            container.removeEventListener("focus", onFocus);
            container.removeEventListener("blur", onBlur, true);
            container.removeEventListener("mousedown", onMouseDown);
            menuArea.removeEventListener("keydown", onMenuKey);
            caret.remove();
        },
    };
}
