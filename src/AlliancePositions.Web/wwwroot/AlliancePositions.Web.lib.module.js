// The app's own script, which Blazor loads by its name (a JS initializer). It serves the actor page's chart
// (Actors/ClickableStanceChart.razor): the browser fetches the drawing itself rather than receive it through the circuit,
// and one .NET handler serves every point of it. It also serves the layout's skip link.

// "Skip to main content" (Layout/MainLayout.razor) focuses <main> here, in the browser: no round trip to the server
// that a busy circuit would delay, and the same on pages rendered without one. Marking the click handled keeps
// Blazor's router from treating the link as a navigation.
document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('a.skip-link') : null;
    const main = document.getElementById('main-content');
    if (!link || !main) return;
    event.preventDefault();
    main.focus();
}, { capture: true });

// <stance-chart-drawing src="…chart.svg?…">: the chart download, drawn in place, and drawn again when src changes.
class StanceChartDrawing extends HTMLElement {
    static observedAttributes = ['src'];

    attributeChangedCallback() {
        this.draw();
    }

    async draw() {
        const src = this.getAttribute('src');
        if (!src) return;
        this.setAttribute('aria-busy', 'true');
        this.replaceChildren(this.note('Drawing the chart…'));
        let svg = null;
        let problem = 'The chart could not be drawn: the app did not answer. Reload the page to try again.';
        try {
            const response = await fetch(src, { headers: { Accept: 'image/svg+xml' } });
            if (response.ok) {
                const drawing = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
                if (drawing.localName === 'svg') svg = document.importNode(drawing, true);
                else problem = 'The chart could not be drawn: the app sent something that is not a drawing.';
            } else {
                problem = `The chart could not be drawn (the app answered ${response.status}). Reload the page to try again.`;
            }
        } catch {
            // The network failed: the message above says so.
        }
        if (this.getAttribute('src') !== src) return; // a newer chart was asked for meanwhile
        this.replaceChildren(svg ?? this.note(problem));
        this.removeAttribute('aria-busy');
    }

    note(text) {
        const p = document.createElement('p');
        p.className = 'chart-note';
        p.setAttribute('role', 'status');
        p.textContent = text;
        return p;
    }
}

customElements.define('stance-chart-drawing', StanceChartDrawing);

export function afterWebStarted(blazor) {
    // A click in the chart says which point it landed on, from the point's data- attributes (nulls when it missed).
    blazor.registerCustomEventType('chartpointselect', {
        browserEventName: 'click',
        createEventArgs: event => {
            const point = event.target instanceof Element ? event.target.closest('.chart-point') : null;
            return { actor: point?.dataset.actor ?? null, statement: point?.dataset.statement ?? null };
        },
    });
    // Enter or Space on a focused point clicks it, as on any button.
    document.addEventListener('keydown', event => {
        if ((event.key === 'Enter' || event.key === ' ') && event.target instanceof Element && event.target.matches('.chart-point')) {
            event.preventDefault(); // Space would scroll the page
            event.target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        }
    });
}
