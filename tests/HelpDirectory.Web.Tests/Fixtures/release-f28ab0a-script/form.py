# Usage: form.py page.html FORM_INDEX_OR_ID [name=value ...]  -> urlencoded body of that form, as a browser would send it
import sys, urllib.parse
from html.parser import HTMLParser

class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.forms=[]; self.cur=None; self.ta=None; self.sel=None
    def handle_starttag(self, tag, a):
        a=dict(a)
        if tag=='form': self.cur={'id':a.get('id'),'fields':[]}; self.forms.append(self.cur); return
        if self.cur is None: return
        f=self.cur['fields']
        if tag=='input':
            t=(a.get('type') or 'text').lower(); n=a.get('name')
            if not n or t in ('submit','button'): return
            if t in ('checkbox','radio') and 'checked' not in a: return
            f.append([n,a.get('value') or ('on' if t=='checkbox' else '')])
        elif tag=='textarea' and a.get('name'): self.ta=[a['name'],'']; f.append(self.ta)
        elif tag=='select' and a.get('name'): self.sel={'name':a['name'],'first':None,'chosen':None}
        elif tag=='option' and self.sel is not None:
            v=a.get('value','')
            if self.sel['first'] is None: self.sel['first']=v
            if 'selected' in a: self.sel['chosen']=v
    def handle_data(self, d):
        if self.ta is not None: self.ta[1]+=d
    def handle_endtag(self, tag):
        if tag=='textarea':
            if self.ta is not None:
                v=self.ta[1]
                self.ta[1]=v[2:] if v.startswith('\r\n') else v[1:] if v.startswith('\n') else v
            self.ta=None
        elif tag=='select' and self.sel is not None and self.cur is not None:
            self.cur['fields'].append([self.sel['name'], self.sel['chosen'] if self.sel['chosen'] is not None else (self.sel['first'] or '')]); self.sel=None
        elif tag=='form': self.cur=None

p=P(); p.feed(open(sys.argv[1]).read())
sel=sys.argv[2]
form = p.forms[int(sel)] if sel.isdigit() else next(f for f in p.forms if any(x[0]==sel[4:] for x in f['fields'])) if sel.startswith('has:') else next(f for f in p.forms if f['id']==sel)
fields=form['fields']
for o in sys.argv[3:]:
    k,v=o.split('=',1)
    fields=[f for f in fields if f[0]!=k]+[[k,v]]
import html
print(urllib.parse.urlencode([(k,html.unescape(v) if False else v) for k,v in fields]))
