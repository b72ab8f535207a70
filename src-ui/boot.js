// Loads the wasm UI. A failure is written on the page: a blank window tells nobody anything.
import init from "./app.js";

init().then(
  () => document.getElementById("boot-status")?.remove(),
  (error) => {
    const status = document.getElementById("boot-status");
    if (status) {
      status.textContent = "SysteMatic Workshop could not start its screen: " + error;
      status.setAttribute("role", "alert");
    }
  },
);
