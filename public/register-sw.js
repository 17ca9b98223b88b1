// Registers the service worker (sw.js, generated at build time) so the app works offline
// after one visit, and tells the user when a new version has been downloaded and is ready.
// Plain JavaScript loaded from a file: the Content-Security-Policy forbids inline scripts.
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  const NOTICE = {
    zh: ["新版本已就绪。", "刷新"],
    en: ["A new version is ready.", "Reload"],
  };

  const announce = (waiting) => {
    if (document.querySelector("[data-testid=update-ready]")) return;
    const lang = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
    const [text, action] = NOTICE[lang];
    const bar = document.createElement("div");
    bar.className = "update-ready";
    bar.setAttribute("role", "status");
    bar.dataset.testid = "update-ready";
    const label = document.createElement("span");
    label.textContent = text;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button primary small";
    button.textContent = action;
    button.addEventListener("click", () => waiting.postMessage("skip-waiting"));
    bar.append(label, button);
    document.body.append(bar);
  };

  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Only reload for an update the user accepted, not for the first install.
    if (reloading || !document.querySelector("[data-testid=update-ready]")) return;
    reloading = true;
    location.reload();
  });

  // A new worker is an update only when this app's own worker already controls the page:
  // a page first opened under another app's worker (a build at `/` while this one is at
  // `/shoplens/`) simply installs its own.
  const ownWorker = new URL("./sw.js", location.href).href;
  const updating = () => navigator.serviceWorker.controller?.scriptURL === ownWorker;

  window.addEventListener("load", () => {
    navigator.serviceWorker
      .register("./sw.js", { scope: "./" })
      .then((registration) => {
        if (registration.waiting && updating()) announce(registration.waiting);
        registration.addEventListener("updatefound", () => {
          const installing = registration.installing;
          installing?.addEventListener("statechange", () => {
            if (installing.state === "installed" && updating()) announce(installing);
          });
        });
      })
      .catch((error) => console.warn("shoplens: offline support unavailable:", error));
  });
}
