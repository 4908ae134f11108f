// The person's input on an open page keeps the browser session from its idle time-out (Hotline:Security:IdleTimeout):
// at most once a minute, a key, a click, a touch or the wheel posts /account/keep-alive. The page's live connection
// does not count (what the server pushes is not the person's doing). Once the session ended, the page goes to sign in.
(() => {
    const step = 60000;
    let last = -step;
    let pending = false;

    async function keepAlive() {
        const now = performance.now();
        if (pending || now - last < step)
            return;
        last = now;
        pending = true;
        try {
            const answer = await fetch('/account/keep-alive', { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
            if (answer.status === 401)
                location.assign('/login?returnUrl=' + encodeURIComponent(location.pathname + location.search));
        } catch {
            // Offline for a moment: the next input tries again.
            last = -step;
        } finally {
            pending = false;
        }
    }

    for (const type of ['keydown', 'pointerdown', 'touchstart', 'wheel'])
        addEventListener(type, keepAlive, { capture: true, passive: true });
})();
