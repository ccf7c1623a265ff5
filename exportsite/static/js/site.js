// Progressive enhancement only: without JavaScript the menu is simply always open.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".site-nav__toggle");
  const menu = document.getElementById("site-nav-menu");
  if (!toggle || !menu) return;
  toggle.hidden = false;
  menu.dataset.collapsed = "true";
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    menu.dataset.collapsed = String(open);
  });
});
