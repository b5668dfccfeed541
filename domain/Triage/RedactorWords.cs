namespace ChatSupport.Domain.Triage;

/// <summary>
/// The word lists the <see cref="Redactor"/> decides with: common family names (for bare names such as 山田が), words
/// before an honorific that are roles or family rather than names (お母さん, 店員さん), and words that look like a
/// name or a school but are not (千葉 the prefecture, 志望校 …). Written for this project from general knowledge of
/// Japanese names and how young people write.
/// </summary>
internal static class RedactorWords
{
    /// <summary>
    /// Family names of two or more characters, recognised without an honorific before a particle (山田が, 佐藤に).
    /// The reviewed list is the data file Names/family-names.txt (embedded); names that are also prefectures or
    /// well-known places are left out there: places stay.
    /// </summary>
    public static readonly HashSet<string> FamilyNames = LoadNames("family-names.txt", withKatakana: false);

    /// <summary>
    /// Common given names that are masked where a name stands even without a cue (はるきが来た, 陽菜に言われた), from
    /// the reviewed data file Names/given-names.txt (embedded), with the katakana form of every hiragana name.
    /// </summary>
    public static readonly HashSet<string> GivenNames = LoadNames("given-names.txt", withKatakana: true);

    /// <summary>Reads one embedded name list: names separated by spaces or lines, '#' starts a comment line.</summary>
    internal static HashSet<string> LoadNames(string file, bool withKatakana)
    {
        var assembly = typeof(RedactorWords).Assembly;
        using var stream = assembly.GetManifestResourceStream("ChatSupport.Domain.Triage.Names." + file)
            ?? throw new InvalidOperationException($"The embedded name list {file} is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            foreach (var name in line.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (name.Length < 2)
                {
                    continue;
                }

                names.Add(name);
                if (withKatakana && name.All(c => c is >= 'ぁ' and <= 'ゖ'))
                {
                    names.Add(new string([.. name.Select(c => (char)(c + 0x60))]));
                }
            }
        }

        return names;
    }

    /// <summary>Single characters that are a role only on their own (お子さん, お客様), while names end with them (花子, 一男).</summary>
    public static readonly HashSet<string> ExactRoleWords = new(StringComparer.Ordinal)
    {
        "子", "女", "男", "坊", "赤", "神", "仏", "王", "姫", "殿", "客", "孫", "嫁", "婿", "奥", "皆", "官", "師", "長", "士", "人",
    };

    /// <summary>Words before さん・くん・ちゃん・様・先生 that are family, roles or animals (as the end of the run): they stay.</summary>
    public static readonly string[] RoleWords =
    [
        "母", "父", "兄", "姉", "弟", "妹", "祖母", "祖父", "叔母", "叔父", "伯母", "伯父", "義母", "義父", "継母", "継父", "婆", "爺",
        "皆", "奥", "旦那", "彼氏", "彼女", "彼", "友達", "友", "医者", "看護師", "警察", "警官", "相談員", "大家", "担任",
        "上司", "店長", "社長", "部長", "課長", "係長", "店員", "運転手", "校長", "教頭", "先生", "先輩", "後輩", "赤", "嫁", "婿",
        "息子", "娘", "主人", "駅員", "職員", "担当", "相手", "隣", "近所", "親戚", "親",
        "王子", "保健", "顧問", "監督", "生徒", "学生", "彼女", "長女", "長男", "次女", "次男", "漫画家", "作家", "歌手", "弁護士",
        "司法書士", "看護", "介護", "保育士", "施設", "馳走", "世話", "人様", "猫", "犬", "鳥", "兎", "警察官", "医師", "教師",
        "講師", "会長", "委員長", "班長", "院長", "園長", "店長", "署長", "所長", "総理", "大臣", "議員", "調理師", "薬剤師",
        "委員", "役員", "管理人", "配達員", "郵便屋", "八百屋", "魚屋", "本屋", "歯医者", "整体師", "美容師",
        "ママ", "パパ", "オーナー", "マネージャー", "コーチ", "カウンセラー", "スタッフ", "ドクター", "ナース", "バイト",
        "社員", "リスナー", "フォロワー", "配信者", "パート", "ヘルパー", "トレーナー", "リーダー", "キャプテン", "センパイ", "ワン", "ニャン", "ネコ", "イヌ", "ネキ", "ニキ",
    ];

    /// <summary>Hiragana words before さん・くん・ちゃん that are family or roles, not names.</summary>
    public static readonly HashSet<string> HiraganaRoleWords = new(StringComparer.Ordinal)
    {
        "ひいじい", "ひいばあ", "ひいおじい", "ひいおばあ", "おかあ", "かあ", "おとう", "とう", "おにい", "にい", "おねえ", "ねえ", "おばあ", "ばあ", "おじい", "じい", "おば", "おじ",
        "おかー", "かー", "おとー", "とー", "おにー", "にー", "おねー", "ねー", "おばー", "ばー", "おじー", "じー", "おっ", "あん",
        "あか", "みな", "みんな", "おく", "おきゃく", "おいしゃ", "おまわり", "だんな", "よめ", "まご", "むすこ", "むすめ",
        "せんぱい", "こうはい", "ともだち", "かれし", "かのじょ", "おとな", "こども", "ぼっ", "おじょう", "おや", "おはよう",
        "おつかれ", "ごくろう", "ごちそう", "おせわ", "おたがい", "おかげ", "ねこ", "いぬ", "わん", "にゃん", "うさ", "おばけ",
        "おいし", "かんごし", "けいさつ", "てんいん", "おまめ", "おひめ", "おうじ", "かみ", "ほとけ", "ねぇ", "にぃ", "おねぇ", "おにぃ",
    };

    /// <summary>What a self-introduction ending in です may carry that is not a name (私は高校生です).</summary>
    public static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "ひとり", "ぼっち", "むしょく", "がくせい", "ふつう", "げんき", "だいじょうぶ", "おとこ", "おんな", "にーと", "ニート",
        "フリーター", "ひきこもり", "ヒキコモリ", "ぼく", "わたし", "おれ", "あたし", "うち", "じぶん", "ここ", "そこ", "どこ",
        "だれ", "なに", "ゲイ", "レズ", "バイ", "ノンバイナリー", "トランス", "オタク", "ぶす", "ブス", "デブ", "でぶ", "ばか",
        "バカ", "アホ", "あほ", "むり", "ムリ", "つらい", "しんどい", "さみしい", "こわい", "いや", "いやだ", "まだ", "もう",
        "本当", "本気", "大丈夫", "普通", "一人", "独り", "無職", "学生", "高校生", "中学生", "小学生", "大学生", "専門学生",
        "社会人", "主婦", "女", "男", "女子", "男子", "浪人", "浪人生", "不登校", "元気", "病気", "限界", "本人", "家族", "長男",
        "長女", "次男", "次女", "末っ子", "一人っ子", "母子家庭", "父子家庭", "陰キャ", "陽キャ", "ゴミ", "クズ", "カス",
        "ダメ", "ボッチ", "メンヘラ", "ポンコツ", "ビンボー", "ヒキニート", "ガチ", "マジ", "ヤバい", "ヤバ", "ハーフ",
        "ノンケ", "オッケー", "オーケー", "ダメダメ", "ダメ人間", "パート", "バイト",
    };

    /// <summary>Words before 小学校・中学校・高校・大学 that say what kind of school, not which (私立高校, 志望大学).</summary>
    public static readonly HashSet<string> SchoolKindWords = new(StringComparer.Ordinal)
    {
        "私立", "公立", "県立", "都立", "府立", "道立", "市立", "区立", "町立", "村立", "国立", "国公立", "定時制", "通信制",
        "全日制", "女子", "男子", "共学", "私", "僕", "俺", "今", "前", "元", "同", "他", "別", "次", "新", "旧", "近", "第", "同じ",
        "みんな", "みな", "いま", "もう", "まだ", "専門", "志望", "第一志望", "第二志望", "希望", "進学", "近く", "地元", "通信", "夜間", "有名", "名門", "底辺", "自称",
        "偏差値", "近所", "隣", "県内", "市内", "都内", "区内", "町内", "県外", "他県", "今の", "新しい", "附属", "付属", "一貫",
        "中高一貫", "小中一貫", "義務教育", "進学校", "難関", "短期", "短期大学", "放送", "夜間中学", "フリースクール", "普通",
        "工業", "商業", "農業", "総合", "単位制", "看護", "医療", "音楽", "美術", "体育", "芸術", "教育", "医科", "薬科", "歯科",
    };

    /// <summary>
    /// Short school names (西中, 北高, 桜丘小): a direction or number, or a place-like word ending in one of these
    /// characters, then 小・中・高. Anything else before 中 is usually "during" (授業中, 夜中, 背中) and stays.
    /// </summary>
    public const string ShortSchoolPlaceEndings = "丘台山川野原沢澤浜坂谷島岡園森里平崎橋宮井田町見浦根津城江戸塚尾葉木林";

    /// <summary>Words before 大 that make it an ordinary word or a kind of university, not a named one (巨大, 地方大).</summary>
    public static readonly HashSet<string> NotUniversities = new(StringComparer.Ordinal)
    {
        "地方", "最大", "巨大", "拡大", "重大", "偉大", "莫大", "壮大", "強大", "過大", "肥大", "増大", "盛大", "絶大", "多大",
        "甚大", "寛大", "膨大", "雄大", "特大", "誇大", "尊大", "最強", "都内", "関東", "関西", "東京", "大阪", "京都", "名古屋",
        "最高", "中高", "小中", "意識", "偏差値", "学費", "学力", "身長", "血圧", "気温", "物価", "家賃",
    };

    /// <summary>Words said where a station or a landmark near home would be that are not names (駅前, 近く, コンビニ).</summary>
    public static readonly HashSet<string> NotPlaceNames = new(StringComparer.Ordinal)
    {
        "駅前", "近く", "遠く", "徒歩", "バス", "電車", "不明", "秘密", "内緒", "無人駅", "田舎", "地元", "近所", "ここ", "そこ",
        "あそこ", "どこ", "ない", "ないです", "ありません", "わからない", "わかんない", "言えない", "JR", "私鉄", "地下鉄",
        "大きい", "小さい", "古い", "新しい", "近い", "遠い", "でかい", "コンビニ", "スーパー", "駅", "お", "ご", "大", "小",
        "中", "高", "市", "県", "町", "村", "区", "市民", "県立", "市立", "町立", "村立", "区立", "国立", "総合", "大学", "公立",
        "私立", "地域", "児童", "中央", "警察",
    };

    /// <summary>
    /// Prefectures and big cities, which stay wherever they are said (横浜です, 岩手です): they help find local support.
    /// A self-introduction ending in one of them is a place, not a name.
    /// </summary>
    public static readonly HashSet<string> PlaceNames = new(StringComparer.Ordinal)
    {
        "北海道", "青森", "岩手", "宮城", "秋田", "山形", "福島", "茨城", "栃木", "群馬", "埼玉", "千葉", "東京", "神奈川", "新潟",
        "富山", "石川", "福井", "山梨", "長野", "岐阜", "静岡", "愛知", "三重", "滋賀", "京都", "大阪", "兵庫", "奈良", "和歌山",
        "鳥取", "島根", "岡山", "広島", "山口", "徳島", "香川", "愛媛", "高知", "福岡", "佐賀", "長崎", "熊本", "大分", "宮崎",
        "鹿児島", "沖縄", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県",
        "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県",
        "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
        "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
        "札幌", "仙台", "さいたま", "横浜", "川崎", "相模原", "名古屋", "神戸", "堺", "北九州", "浜松", "岡崎", "豊田", "金沢",
        "松山", "高松", "姫路", "船橋", "八王子", "宇都宮", "前橋", "高崎", "水戸", "盛岡", "郡山", "いわき", "函館", "旭川",
        "那覇", "松江", "鳥取市", "倉敷", "福山", "下関", "大津", "津", "豊橋", "一宮", "岐阜市", "長岡", "上越", "甲府",
        "松本市", "町田", "藤沢", "柏", "川口", "所沢", "越谷", "川越", "横須賀", "西宮", "尼崎", "枚方", "東大阪", "豊中",
        "吹田", "高槻", "久留米", "佐世保", "都城", "東京23区", "沖縄本島", "渋谷", "新宿", "池袋", "原宿", "秋葉原", "梅田",
        "難波", "なんば", "天神", "博多", "栄", "すすきの", "中洲", "上野", "品川", "町田市", "関東", "関西", "東北", "九州",
        "四国", "中国地方", "北陸", "東海", "近畿", "信州", "道民", "県民",
    };

    /// <summary>
    /// Words for people, groups and things that stand where an unlisted name would (誰に言われた, 他人に殴られた,
    /// 空が…): they stay when only the position says "a person".
    /// </summary>
    public static readonly HashSet<string> PersonPositionNotNames = new(StringComparer.Ordinal)
    {
        "誰", "誰か", "皆", "全員", "周り", "周囲", "世間", "自分", "家族", "他人", "大人", "子供", "人", "男", "女", "客", "奴",
        "知人", "恋人", "元彼", "元カノ", "同級生", "同僚", "友人", "親友", "仲間", "集団", "先方", "相手", "本人", "知らない",
        "変", "空", "雨", "風", "月", "星", "海", "山", "神", "夢", "心", "頭", "体", "胸", "顔", "声", "手", "足", "親族", "義理",
        "夫", "妻", "元夫", "元妻", "今", "前", "後", "次", "皆様", "全部", "学校", "部活", "塾", "会社", "職場", "上", "下", "外", "中", "家", "店", "社会",
    };

    /// <summary>What may follow 俺・わたし + a one- or two-kanji word and 。 or です that is not a name (俺無理。, 私学生です).</summary>
    public static readonly HashSet<string> ShortIntroNotNames = new(StringComparer.Ordinal)
    {
        "無理", "限界", "最低", "最悪", "馬鹿", "普通", "学生", "無職", "一人", "独り", "女", "男", "本気", "平気", "元気", "病気",
        "本当", "本音", "不安", "心配", "嫌", "暇", "今", "浪人", "孤独", "不幸", "大人", "子供", "独身", "中退", "休学", "退学",
        "留年", "鬱", "病", "違う", "同じ", "死", "無", "失格", "邪魔", "迷惑", "最強", "天才", "味方", "大丈夫", "幸", "本人",
        "長男", "長女", "次男", "次女", "双子", "家出", "受験", "受験生", "眠", "平和", "自由", "必死", "真剣", "変",
    };

    /// <summary>Kinds of building that end like a building's name but name none (シェアハウス, 市営団地).</summary>
    public static readonly HashSet<string> GenericBuildings = new(StringComparer.Ordinal)
    {
        "シェアハウス", "ゲストハウス", "ログハウス", "ビニールハウス", "ライブハウス", "モデルハウス", "グループハウス", "ツリーハウス",
        "ボロアパート", "安アパート", "木造アパート", "タワーマンション", "タワマン", "分譲マンション", "賃貸マンション",
        "市営団地", "県営団地", "都営団地", "公営団地", "UR団地", "学生寮", "社員寮", "女子寮", "男子寮",
    };

    /// <summary>Time words after which a kana given name may follow with no break (放課後みずきと, 昨日はるきが).</summary>
    public static readonly string[] TimeWordsBeforeName =
    [
        "今日", "昨日", "明日", "一昨日", "今朝", "今夜", "昨夜", "毎日", "毎朝", "最近", "先週", "今週", "先月", "去年", "放課後",
        "昼休み", "休み時間", "夕方", "夜", "朝", "昼", "帰り", "授業後", "部活後", "以前", "前", "結局", "実は",
    ];

    /// <summary>Time and place words that can stand right before a name in a kanji run (今日田中さんが): cut off.</summary>
    public static readonly string[] LeadingNonNameWords =
    [
        "今日", "昨日", "明日", "毎日", "今朝", "今夜", "今度", "最近", "結局", "実際", "先週", "今週", "来週", "先月", "今月",
        "来月", "去年", "今年", "来年", "当時", "以前", "前", "元", "隣", "同じ", "例", "特", "全部", "本当", "親友", "友人",
        "同級生", "同僚", "担任", "部活", "塾", "学校", "職場", "会社", "近所", "クラス", "バイト", "相手", "義理", "実",
    ];
}
