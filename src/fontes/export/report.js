"use strict";
// The report's behaviour: details on click, filters by category and severity.
// Document text reaches the page only through textContent, never as markup.
(function () {
  const data = JSON.parse(document.getElementById("fontes-data").textContent);
  const detail = document.getElementById("detail");

  function line(label, value) {
    if (value === null || value === undefined || value === "") return;
    const row = document.createElement("div");
    const name = document.createElement("b");
    name.textContent = label + ": ";
    row.appendChild(name);
    row.appendChild(document.createTextNode(String(value)));
    detail.appendChild(row);
  }

  function showEntity(id) {
    const entity = data.entities[id];
    if (!entity) return;
    const head = document.createElement("h3");
    head.textContent = entity.name;
    detail.appendChild(head);
    line("kind", entity.kind);
    line("variants", entity.variants.join(", "));
    line("lifespan", entity.lifespan);
    line("mentions", entity.mentions);
  }

  function showFinding(index) {
    const finding = data.findings[index];
    const head = document.createElement("h3");
    head.className = "sev-" + finding.severity;
    head.textContent = finding.rule + " " + finding.name;
    detail.appendChild(head);
    line("category", finding.category);
    line("severity", finding.severity);
    line("where", "line " + finding.line + ", column " + finding.column +
      (finding.page ? ", " + finding.page : ""));
    line("text", finding.text);
    line("OCR confidence", finding.ocr_confidence === null ? null :
      finding.ocr_confidence.toFixed(2) + " (its least sure word)");
    line("message", finding.message);
    line("suggestion", finding.suggestion);
    finding.entities.forEach(function (id) {
      const entity = data.entities[id];
      if (entity) line("entity", entity.name + " (" + entity.kind + ")");
    });
    if (finding.crop) showCrop(finding.crop);
  }

  // The passage on the page image: the whole image laid over the page's own units, the
  // view cut to the passage's box and its margin, the box outlined.
  function showCrop(crop) {
    line("page image", crop.image);
    const svg = document.getElementById("crop").content.firstElementChild.cloneNode(true);
    svg.setAttribute("viewBox", crop.view.join(" "));
    const image = svg.querySelector("image");
    image.setAttribute("href", data.images[crop.page]);
    image.setAttribute("width", crop.width);
    image.setAttribute("height", crop.height);
    const box = svg.querySelector("rect");
    ["x", "y", "width", "height"].forEach(function (name, at) {
      box.setAttribute(name, crop.box[at]);
    });
    detail.appendChild(svg);
  }

  function show(findings, mentions) {
    detail.replaceChildren();
    findings.forEach(showFinding);
    mentions.forEach(function (index) { showEntity(data.mentions[index]); });
    if (!detail.childElementCount) detail.textContent = "Nothing is marked here.";
    detail.scrollIntoView({ block: "nearest" });
  }

  function numbers(value) {
    return value ? value.split(" ").map(Number) : [];
  }

  document.getElementById("text").addEventListener("click", function (event) {
    const span = event.target.closest("span[data-f], span[data-m]");
    if (span) show(numbers(span.dataset.f), numbers(span.dataset.m));
  });

  document.getElementById("finding-list").addEventListener("click", function (event) {
    const item = event.target.closest("li[data-i]");
    if (!item) return;
    const index = Number(item.dataset.i);
    show([index], []);
    const mark = document.querySelector('#text span[data-f~="' + index + '"]');
    if (mark) {
      mark.scrollIntoView({ block: "center" });
      mark.classList.add("flash");
      setTimeout(function () { mark.classList.remove("flash"); }, 1200);
    }
  });

  const filters = document.querySelectorAll("#filters input[type=checkbox]");
  function applyFilters() {
    const off = new Set();
    filters.forEach(function (box) { if (!box.checked) off.add(box.value); });
    document.querySelectorAll("#finding-list li[data-i]").forEach(function (item) {
      const finding = data.findings[Number(item.dataset.i)];
      item.hidden = off.has(finding.category) || off.has(finding.severity);
    });
    document.querySelectorAll("#text span[data-f]").forEach(function (span) {
      const shown = numbers(span.dataset.f).some(function (index) {
        const finding = data.findings[index];
        return !off.has(finding.category) && !off.has(finding.severity);
      });
      span.classList.toggle("muted", !shown);
    });
  }
  filters.forEach(function (box) { box.addEventListener("change", applyFilters); });
})();
