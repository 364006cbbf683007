// The agreement matrix as one tab stop (the ARIA grid pattern, roving tabindex): arrows move between the cells,
// skipping an actor's cell with itself; Home and End go to the row's ends, Ctrl+Home and Ctrl+End to the grid's corners.
// Enter or Space on a cell is the button's own click, which opens the evidence.
export function roveGrid(table) {
    const cellAt = (row, col) => table.querySelector(`button.cell[data-row="${row}"][data-col="${col}"]`);
    const size = () => table.tBodies[0]?.rows.length ?? 0;

    const moveTo = (cell) => {
        for (const other of table.querySelectorAll("button.cell")) other.tabIndex = other === cell ? 0 : -1;
        cell.focus();
    };

    // From (row, col) by (dr, dc) until a cell that is not on the diagonal, or null past the edge.
    const step = (row, col, dr, dc) => {
        const n = size();
        for (let r = row + dr, c = col + dc; r >= 0 && c >= 0 && r < n && c < n; r += dr, c += dc) {
            const cell = cellAt(r, c);
            if (cell) return cell;
        }
        return null;
    };

    const onKeyDown = (event) => {
        const current = event.target.closest?.("button.cell[data-row]");
        if (!current || event.altKey || event.metaKey) return;
        const row = Number(current.dataset.row), col = Number(current.dataset.col), n = size();
        let next;
        switch (event.key) {
            case "ArrowRight": next = step(row, col, 0, 1); break;
            case "ArrowLeft": next = step(row, col, 0, -1); break;
            case "ArrowDown": next = step(row, col, 1, 0); break;
            case "ArrowUp": next = step(row, col, -1, 0); break;
            case "Home": next = event.ctrlKey ? step(0, -1, 0, 1) : step(row, -1, 0, 1); break;
            case "End": next = event.ctrlKey ? step(n - 1, n, 0, -1) : step(row, n, 0, -1); break;
            default: return;
        }
        event.preventDefault();
        if (next) moveTo(next);
    };

    // Whatever the last render left, the cell that takes the focus is the grid's only tab stop.
    const onFocusIn = (event) => {
        const cell = event.target.closest?.("button.cell[data-row]");
        if (cell && cell.tabIndex !== 0) moveTo(cell);
        else if (cell) for (const other of table.querySelectorAll("button.cell")) if (other !== cell) other.tabIndex = -1;
    };

    table.addEventListener("keydown", onKeyDown);
    table.addEventListener("focusin", onFocusIn);
    return {
        dispose() {
            table.removeEventListener("keydown", onKeyDown);
            table.removeEventListener("focusin", onFocusIn);
        },
    };
}
