#!/usr/bin/env python3
"""Deterministic synthetic shop exports in Airlock's canonical CSV layout (Spec/records.md §1).

Usage: datagen.py members N OUT.csv [--seed S]
       datagen.py orders ROWS MEMBERS OUT.csv [--seed S]
       datagen.py probes MEMBERS ORDER_ROWS OUT.tsv [--count C]

Taiwanese and Japanese names and addresses, phones in several formats (with dashes, spaces, country
codes, full-width digits), multi-line quoted addresses, quoted commas and quotes; orders with 1–5 line
items, one row per item, most of them completed more than 10 days before the as-of date (2026-11-25).
The same arguments always give the same bytes (random.Random with a fixed seed; Python's csv writer).
`probes` prints lookup keys (email, order number, phone) that exist in the files, for the find benchmarks.
"""
import csv
import sys
from datetime import datetime, timedelta

AS_OF = datetime(2026, 11, 25, 12, 0, 0)

MEMBER_HEADER = ("member_id,account,email,name,name_kana,gender,birthday,phone,mobile,postal_code,address,level,"
                 "points,registered_at,updated_at,status").split(",")
ORDER_HEADER = ("order_no,ordered_at,status,completed_at,member_id,purchaser_name,purchaser_email,purchaser_phone,"
                "purchaser_address,recipient_name,recipient_phone,recipient_postal_code,recipient_address,"
                "payment_method,delivery_method,shipped_at,subtotal,shipping_fee,discount,total,invoice_no,item_sku,"
                "item_name,item_option,item_price,item_qty,note").split(",")

TW_SURNAMES = [("陳", "chen"), ("林", "lin"), ("黃", "huang"), ("張", "chang"), ("李", "li"), ("王", "wang"),
               ("吳", "wu"), ("劉", "liu"), ("蔡", "tsai"), ("楊", "yang"), ("許", "hsu"), ("鄭", "cheng"),
               ("謝", "hsieh"), ("郭", "kuo"), ("洪", "hung"), ("曾", "tseng"), ("邱", "chiu"), ("廖", "liao")]
TW_GIVEN = [("美玲", "meiling"), ("志偉", "zhiwei"), ("雅婷", "yating"), ("小明", "xiaoming"), ("家豪", "chiahao"),
            ("怡君", "yichun"), ("俊傑", "chunchieh"), ("淑芬", "shufen"), ("建宏", "chienhung"), ("佳穎", "chiaying"),
            ("宗翰", "tsunghan"), ("詩涵", "shihhan"), ("冠宇", "kuanyu"), ("欣怡", "hsinyi"), ("承恩", "chengen")]
JP_SURNAMES = [("山田", "ヤマダ", "yamada"), ("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"),
               ("髙橋", "タカハシ", "takahashi"), ("田中", "タナカ", "tanaka"), ("伊藤", "イトウ", "ito"),
               ("渡辺", "ワタナベ", "watanabe"), ("山﨑", "ヤマザキ", "yamazaki"), ("中村", "ナカムラ", "nakamura"),
               ("小林", "コバヤシ", "kobayashi"), ("加藤", "カトウ", "kato"), ("吉田", "ヨシダ", "yoshida"),
               ("小村", "コムラ", "komura"), ("齋藤", "サイトウ", "saito")]
JP_GIVEN = [("太郎", "タロウ", "taro"), ("花子", "ハナコ", "hanako"), ("健", "ケン", "ken"), ("結衣", "ユイ", "yui"),
            ("亮子", "リョウコ", "ryoko"), ("大輔", "ダイスケ", "daisuke"), ("陽菜", "ヒナ", "hina"),
            ("翔太", "ショウタ", "shota"), ("美咲", "ミサキ", "misaki"), ("蓮", "レン", "ren"), ("葵", "アオイ", "aoi")]

TW_CITIES = [("台北市", ["大安區", "信義區", "中山區", "士林區"], ["忠孝東路四段", "信義路五段", "南京東路三段", "中山北路二段"], "1"),
             ("新北市", ["板橋區", "新莊區", "中和區"], ["文化路一段", "中正路", "景平路"], "2"),
             ("台中市", ["西區", "北屯區", "南屯區"], ["民權路", "文心路三段", "公益路二段"], "4"),
             ("高雄市", ["新興區", "苓雅區", "左營區"], ["中正三路", "四維三路", "博愛二路"], "8")]
JP_PREFS = [("東京都", ["新宿区西新宿", "渋谷区神宮前", "港区六本木", "千代田区丸の内"], "1"),
            ("大阪府", ["大阪市北区梅田", "大阪市中央区難波", "堺市堺区"], "5"),
            ("神奈川県", ["横浜市西区みなとみらい", "川崎市川崎区駅前本町"], "2"),
            ("北海道", ["札幌市中央区北一条西", "函館市若松町"], "0"),
            ("福岡県", ["福岡市博多区博多駅前", "北九州市小倉北区"], "8")]
BUILDINGS = ["梅田ビル12F", "表参道ヒルズ", "サンシャイン60 3階", "グランドタワー 801号室", "コーポ山田 203"]
DOMAINS_TW = ["example.com", "example.com.tw", "mail.example.tw"]
DOMAINS_JP = ["example.jp", "example.co.jp", "mail.example.ne.jp"]
FULLWIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")

PRODUCTS = [("TEA-001", "凍頂烏龍茶", ["150g", "300g"], 480), ("TEA-002", "東方美人茶", ["75g"], 900),
            ("TEA-003", "包種茶", ["150g"], 520), ("TEA-004", "阿里山高山茶", ["150g"], 1280),
            ("CUP-010", "白瓷茶杯", ["2入", "4入"], 350), ("MATCHA-3", "宇治抹茶", ["30g", "100g"], 1200),
            ("SENCHA-1", "静岡煎茶", ["100g"], 980), ("YOKAN-2", "羊羹", ["5本入り"], 1500),
            ("FUROSHIKI", "風呂敷", ["紺, 大判", "赤, 小判"], 2200), ("WHISK-1", "茶筅", ["80本立"], 3300),
            ("POT-7", "常滑焼 急須 \"朱泥\"", ["350ml"], 5800), ("GIFT-BOX", "ギフトセット", ["A", "B", "C"], 3000)]
NOTES = ["", "", "", "", "", "", "置き配希望", "ギフト包装, のし付き", "請於晚上送達\n謝謝", "不在時は宅配ボックスへ",
         "請勿按電鈴", "領収書を同梱してください（宛名：\"株式会社テスト\"）"]


def ts(when):
    return when.strftime("%Y-%m-%d %H:%M:%S")


def member_profile(r, index):
    """Everything about member `index` that orders repeat; depends only on (seed, index)."""
    taiwanese = index % 5 < 3
    if taiwanese:
        (sur, sur_r), (given, given_r) = r.choice(TW_SURNAMES), r.choice(TW_GIVEN)
        name, kana = sur + given, ""
        city, districts, roads, postal_first = r.choice(TW_CITIES)
        number = r.randint(1, 300)
        floor = r.randint(1, 20)
        style = r.random()
        if style < 0.15:
            address = f"{city}{r.choice(districts)}{r.choice(roads)}{number}號\n{floor}樓之{r.randint(1, 5)}"
        elif style < 0.25:
            address = f"{city}{r.choice(districts)}{r.choice(roads)}{number}號{floor}樓, 後棟"
        else:
            address = f"{city}{r.choice(districts)}{r.choice(roads)}{number}號{floor}樓"
        postal = postal_first + f"{r.randint(0, 99):02d}" + (f"{r.randint(0, 999):03d}" if r.random() < 0.3 else "")
        mobile_digits = f"9{r.randint(10, 99)}{r.randint(0, 999):03d}{r.randint(0, 999):03d}"
        mobile = r.choice([
            f"0{mobile_digits[0:3]}-{mobile_digits[3:6]}-{mobile_digits[6:]}",
            f"+886 {mobile_digits[0:3]} {mobile_digits[3:6]} {mobile_digits[6:]}",
            f"0{mobile_digits}",
            f"+886-{mobile_digits}",
        ])
        phone = "" if r.random() < 0.5 else f"0{r.randint(2, 8)}-{r.randint(2000, 2999)}-{r.randint(0, 9999):04d}"
        account = f"{sur_r}.{given_r}{index}"
        domain = r.choice(DOMAINS_TW)
    else:
        (sur, sur_k, sur_r), (given, given_k, given_r) = r.choice(JP_SURNAMES), r.choice(JP_GIVEN)
        name, kana = f"{sur} {given}", f"{sur_k} {given_k}"
        pref, towns, postal_first = r.choice(JP_PREFS)
        base = f"{pref}{r.choice(towns)}{r.randint(1, 9)}-{r.randint(1, 30)}-{r.randint(1, 20)}"
        style = r.random()
        if style < 0.12:
            address = f"{base}\n{r.choice(BUILDINGS)}"
        elif style < 0.30:
            address = f"{base}, {r.choice(BUILDINGS)}"
        elif style < 0.45:
            address = f"{base} {r.choice(BUILDINGS)}"
        else:
            address = base
        postal = f"{postal_first}{r.randint(0, 99):02d}-{r.randint(0, 9999):04d}"
        prefix = r.choice(["090", "080", "070"])
        a, b = f"{r.randint(0, 9999):04d}", f"{r.randint(0, 9999):04d}"
        mobile = r.choice([f"{prefix}-{a}-{b}", f"+81 {prefix[1:]}-{a}-{b}", f"{prefix}{a}{b}",
                           f"({prefix}) {a}-{b}", f"{prefix}-{a}-{b}".translate(FULLWIDTH)])
        phone = "" if r.random() < 0.6 else f"0{r.randint(3, 99)}-{r.randint(100, 9999)}-{r.randint(0, 9999):04d}"
        account = f"{sur_r}.{given_r}{index}"
        domain = r.choice(DOMAINS_JP)
    email = f"{account}@{domain}"
    if r.random() < 0.05:
        email = email.capitalize()
    return {"id": f"M{index:07d}", "account": account, "email": email, "name": name, "kana": kana,
            "phone": phone, "mobile": mobile, "postal": postal, "address": address}


class Rng:
    """splitmix64: a few integer operations per draw, and seeding per record costs nothing (random.Random's
    seeding takes ~40 µs, which would dominate a million rows). Pure integer arithmetic: the same bytes on any
    Python version."""

    __slots__ = ("state",)
    MASK = (1 << 64) - 1

    def __init__(self, state):
        self.state = state & self.MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def random(self):
        return (self.next() >> 11) / 9007199254740992.0

    def randint(self, low, high):
        return low + self.next() % (high - low + 1)

    def choice(self, seq):
        return seq[self.next() % len(seq)]


KINDS = {"member": 1, "order": 2, "probes": 3}


def rng(seed, kind, index):
    """The generator of one record: depends only on (seed, kind, index)."""
    r = Rng((seed << 34) ^ (KINDS[kind] << 32) ^ index)
    r.next()
    return r


def members(n, out, seed):
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(MEMBER_HEADER)
        for i in range(1, n + 1):
            r = rng(seed, "member", i)
            p = member_profile(r, i)
            registered = AS_OF - timedelta(seconds=r.randint(2 * 86400, 8 * 365 * 86400))
            updated = registered + timedelta(seconds=r.randint(0, int((AS_OF - registered).total_seconds())))
            birthday = datetime(1950, 1, 1) + timedelta(days=r.randint(0, 55 * 365))
            w.writerow([p["id"], p["account"], p["email"], p["name"], p["kana"], r.choice(["male", "female", ""]),
                        birthday.strftime("%Y-%m-%d"), p["phone"], p["mobile"], p["postal"], p["address"],
                        r.choice(["regular", "regular", "silver", "gold"]), r.randint(0, 20000), ts(registered),
                        ts(updated), "active" if r.random() < 0.95 else "withdrawn"])


def orders(rows, member_count, out, seed):
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(ORDER_HEADER)
        written = 0
        number = 0
        while written < rows:
            number += 1
            r = rng(seed, "order", number)
            member_index = r.randint(1, member_count)
            p = member_profile(rng(seed, "member", member_index), member_index)
            items = min(rows - written, r.choice([1, 1, 2, 2, 2, 3, 3, 4, 5]))
            roll = r.random()
            if roll < 0.82:  # completed long enough ago: eligible
                status, completed = "completed", AS_OF - timedelta(seconds=r.randint(11 * 86400, 3 * 365 * 86400))
            elif roll < 0.88:  # cancelled long ago: eligible
                status, completed = r.choice(["cancelled", "returned"]), AS_OF - timedelta(days=r.randint(11, 900))
            elif roll < 0.94:  # completed recently: waits
                status, completed = "completed", AS_OF - timedelta(seconds=r.randint(0, 9 * 86400))
            else:  # still moving
                status, completed = r.choice(["shipped", "processing"]), None
            ordered = (completed or AS_OF) - timedelta(seconds=r.randint(86400, 10 * 86400))
            shipped = "" if status in ("processing", "cancelled") else ts(ordered + timedelta(hours=r.randint(4, 48)))
            gift = r.random() < 0.1
            recipient = member_profile(rng(seed, "member", r.randint(1, member_count)), 0) if gift else p
            lines = []
            for _ in range(items):
                sku, name, options, price = r.choice(PRODUCTS)
                lines.append((sku, name, r.choice(options), price, r.randint(1, 4)))
            subtotal = sum(price * qty for _, _, _, price, qty in lines)
            fee = 0 if subtotal >= 1500 else r.choice([60, 100, 600])
            discount = r.choice([0, 0, 0, 100, 500])
            invoice = f"{r.choice('ABCDEFGH')}{r.choice('ABCDEFGH')}-{r.randint(0, 99999999):08d}" if p["kana"] == "" else ""
            order = [f"O-{number:08d}", ts(ordered), status, ts(completed) if completed else "", p["id"], p["name"],
                     p["email"], p["mobile"], p["address"], recipient["name"], recipient["mobile"], recipient["postal"],
                     recipient["address"], r.choice(["credit_card", "line_pay", "atm_transfer", "konbini", "cod"]),
                     r.choice(["home_delivery", "yamato", "sagawa", "convenience_store_pickup"]), shipped, subtotal,
                     fee, discount, subtotal + fee - discount, invoice]
            note = r.choice(NOTES)
            for sku, name, option, price, qty in lines:
                w.writerow(order + [sku, name, option, price, qty, note])
            written += items


def probes(member_count, order_rows, out, count, seed):
    """Lookup keys that exist: e-mails and mobiles of random members, order numbers of random orders."""
    orders_estimate = int(order_rows / 2.56)
    r = rng(seed, "probes", 0)
    with open(out, "w", encoding="utf-8") as f:
        for _ in range(count):
            i = r.randint(1, member_count)
            p = member_profile(rng(seed, "member", i), i)
            f.write(f"email\t{p['email']}\n")
            f.write(f"order\tO-{r.randint(1, orders_estimate):08d}\n")
            f.write(f"phone\t{p['mobile']}\n")


def main(argv):
    seed = 20261125
    if "--seed" in argv:
        at = argv.index("--seed")
        seed = int(argv[at + 1])
        del argv[at:at + 2]
    count = 1000
    if "--count" in argv:
        at = argv.index("--count")
        count = int(argv[at + 1])
        del argv[at:at + 2]
    if len(argv) == 3 and argv[0] == "members":
        members(int(argv[1]), argv[2], seed)
    elif len(argv) == 4 and argv[0] == "orders":
        orders(int(argv[1]), int(argv[2]), argv[3], seed)
    elif len(argv) == 4 and argv[0] == "probes":
        probes(int(argv[1]), int(argv[2]), argv[3], count, seed)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
