/* Before the page is drawn: the reader's saved font size and contrast, and the
 * "js" class (CSS shows the JavaScript-only buttons). A file, not an inline
 * script: the Content-Security-Policy allows scripts from the site only. */
try{var d=document.documentElement,s=localStorage;d.dataset.font=s.getItem("cotrang")||"";d.dataset.contrast=s.getItem("tuongphan")||"";d.classList.add("js")}catch(e){}
