try{var d=document.documentElement,s=localStorage;d.dataset.font=s.getItem("cotrang")||"";d.dataset.contrast=s.getItem("tuongphan")||"";d.classList.add("js")}catch(e){}
