/// The place names the address rule recognises. Lists, not patterns: a region survives only when it is known.
enum AddressGazetteer {
    /// The 47 prefectures of Japan (都道府県).
    static let japanPrefectures: [String] = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
        "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
        "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
        "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]

    /// The 20 designated cities of Japan (政令指定都市): a ward (区) follows the city.
    static let japanDesignatedCities: Set<String> = [
        "札幌市", "仙台市", "さいたま市", "千葉市", "横浜市", "川崎市", "相模原市", "新潟市", "静岡市", "浜松市",
        "名古屋市", "京都市", "大阪市", "堺市", "神戸市", "岡山市", "広島市", "北九州市", "福岡市", "熊本市",
    ]

    /// Japanese municipalities whose names contain 市, 区, 町, 村 or 郡 before their own suffix,
    /// so that the shortest-suffix scan would cut them short. Matched before the scan.
    static let japanMunicipalityExceptions: [String] = [
        "四日市市", "廿日市市", "野々市市", "大町市", "十日町市", "東村山市", "武蔵村山市", "羽村市", "大村市",
        "田村市", "大和郡山市",
    ]

    /// Japanese towns and villages inside a county (郡) whose names contain 町 or 村 before their own suffix.
    static let japanTownExceptions: [String] = ["玉村町", "大町町"]

    /// Taiwan's cities and counties (縣市), with both 台 and 臺, including the pre-2010 counties.
    static let taiwanCounties: [String] = {
        let names = [
            "台北市", "新北市", "桃園市", "台中市", "台南市", "高雄市", "基隆市", "新竹市", "嘉義市", "新竹縣",
            "苗栗縣", "彰化縣", "南投縣", "雲林縣", "嘉義縣", "屏東縣", "宜蘭縣", "花蓮縣", "台東縣", "澎湖縣",
            "金門縣", "連江縣", "台北縣", "桃園縣", "台中縣", "台南縣", "高雄縣",
        ]
        return names + names.filter { $0.hasPrefix("台") }.map { "臺" + $0.dropFirst() }
    }()

    /// Taiwanese districts whose names contain 鄉, 鎮, 市 or 區 before their own suffix.
    static let taiwanDistrictExceptions: [String] = ["平鎮區", "左鎮區", "前鎮區", "新市區"]

    /// Country names dropped when they directly precede a known prefecture or county.
    static let countries: [String] = ["中華民國", "日本国", "日本國", "日本", "臺灣", "台灣", "台湾"]
}
