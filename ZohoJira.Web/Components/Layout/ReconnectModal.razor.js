// Drives the reconnect dialog from the Blazor client script's components-reconnect-state-changed event.
const dialog = document.getElementById("components-reconnect-modal");
dialog.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

function onStateChanged(event) {
    switch (event.detail.state) {
        case "show":
            if (!dialog.open) {
                dialog.showModal();
            }
            break;
        case "hide":
            dialog.close();
            break;
        case "failed":
            // Try again as soon as the person comes back to the tab.
            document.addEventListener("visibilitychange", retryWhenVisible);
            break;
        case "rejected":
            // The server no longer knows this circuit: a fresh page is the only way on.
            location.reload();
            break;
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server answered but dropped the circuit; throws: the server is unreachable.
        const reconnected = await Blazor.reconnect();
        if (!reconnected) {
            const resumed = await Blazor.resumeCircuit();
            if (resumed) {
                dialog.close();
            } else {
                location.reload();
            }
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        location.reload();
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
