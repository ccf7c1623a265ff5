// FAQ index filter. Progressive enhancement: without JavaScript the filter box
// stays hidden and every topic lists all its questions.
(() => {
  const fold = (text) =>
    text.normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f]/g, "").toLocaleLowerCase();

  const init = () => {
    const box = document.querySelector("[data-faq-filter]");
    if (!box) return;
    const input = box.querySelector("input");
    const status = box.querySelector("[role=status]");
    const topics = Array.from(document.querySelectorAll("[data-faq-topic]"));
    const questions = Array.from(document.querySelectorAll("[data-faq-question]")).map((li) => ({
      li,
      text: fold(`${li.textContent} ${li.dataset.faqText || ""}`),
    }));
    box.hidden = false;

    const apply = () => {
      const words = fold(input.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const { li, text } of questions) {
        const match = words.every((word) => text.includes(word));
        li.hidden = !match;
        if (match) shown += 1;
      }
      for (const topic of topics) {
        topic.hidden = !topic.querySelector("[data-faq-question]:not([hidden])");
      }
      status.textContent = words.length && shown === 0 ? status.dataset.none : "";
    };

    input.addEventListener("input", apply);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        apply();
      }
    });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
