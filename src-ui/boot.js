// Loads the wasm UI. A failure is written on the page: a blank window tells nobody anything.
// The marks let `cargo xtask bench` (tests/src/bin/measure.rs) show where start-up time goes.
performance.mark("boot.js runs");

// The wasm is fetched and compiled first, while the page still loads its JavaScript glue.
const compiled = compileUi();

// The home screen's first two questions are asked now, while the wasm loads, and `ipc.rs` takes
// the answers (`asked_at_boot`). Not by the projector window: it may only ask for its view.
// A failure here only means the UI asks again itself; it must not keep the UI from starting.
if (location.hash !== "#projector") {
  try {
    const ask = (request) => {
      const answer = window.__TAURI__.core.invoke("dispatch", { request });
      answer.catch(() => {}); // handled by whoever awaits it, however late
      return answer;
    };
    window.__systematicAskedAtBoot = {
      status: ask({ type: "status" }),
      list_workshops: ask({ type: "list_workshops" }),
    };
  } catch (_) {
    delete window.__systematicAskedAtBoot;
  }
}

start().then(
  () => {
    performance.mark("wasm UI started");
    document.getElementById("boot-status")?.remove();
  },
  (error) => {
    const status = document.getElementById("boot-status");
    if (status) {
      status.textContent = "SysteMatic Workshop could not start its screen: " + error;
      status.setAttribute("role", "alert");
    }
  },
);

async function start() {
  const { default: init } = await import("./app.js");
  performance.mark("app.js loaded");
  await init({ module_or_path: await compiled });
}

// The wasm is shipped gzipped (a third of its size) and unpacked while it is compiled: WebKitGTK
// hands a custom-scheme response to the page in small pieces, so fewer bytes arrive sooner.
async function compileUi() {
  const packed = await fetch(new URL("app_bg.wasm.gz", import.meta.url));
  if (!packed.ok) throw new Error("app_bg.wasm.gz: " + packed.status);
  performance.mark("wasm response");
  const wasm = new Response(packed.body.pipeThrough(new DecompressionStream("gzip")), {
    headers: { "content-type": "application/wasm" },
  });
  const module = await WebAssembly.compileStreaming(wasm);
  performance.mark("wasm compiled");
  return module;
}
