namespace ChatSupport.Dialogs.Consultation;

/// <summary>What a message says in reply to a crisis message (answers to the safety check, worries, symptoms).</summary>
[Flags]
public enum CrisisCue : long
{
    None = 0,
    Safe = 1L << 0,
    Danger = 1L << 1,
    AlreadyDid = 1L << 2,
    CalledHelp = 1L << 3,
    WillCall = 1L << 4,
    CannotCall = 1L << 5,
    Refuses = 1L << 6,
    Symptoms = 1L << 7,
    Sleepy = 1L << 8,
    Parents = 1L << 9,
    Money = 1L << 10,
    Alone = 1L << 11,
    FriendReached = 1L << 12,
    FriendUnreached = 1L << 13,
    TookMedicine = 1L << 14,

    /// <summary>Bleeding that does not stop, or a deep wound: 119 first, and pressure on the wound.</summary>
    Bleeding = 1L << 15,

    /// <summary>Has cut themself (今日も切った): asked whether the bleeding stopped, with 119 for a deep wound.</summary>
    Cut = 1L << 16,

    /// <summary>Hiding from someone now (お風呂場におる。鍵かけた): an answer to the check, not yet safe.</summary>
    Hiding = 1L << 17,

    /// <summary>Nowhere to go (家出たいけど行くとこない): where someone can help find a place.</summary>
    Nowhere = 1L << 18,

    /// <summary>The bleeding has stopped or is stopping (血はだいたい止まってきた): care for the wound, 119 only if it starts again.</summary>
    BleedingStopped = 1L << 19,

    /// <summary>Afraid of being pregnant (妊娠してたらどうしよう): after sexual violence, the 72 hours and where to ask.</summary>
    Pregnancy = 1L << 20,

    /// <summary>
    /// Words left for someone (親にはごめんって言っといて, みんなにありがとうって伝えて): a goodbye in another form, answered
    /// as not the end — the bot cannot pass a message on, and the lines stay in front.
    /// </summary>
    LastWords = 1L << 21,

    /// <summary>
    /// No plan or intent to act now (具体的にどうこうするつもりはない, 死ぬつもりはないよ): an answer to the check, heard as
    /// such — not answered with "call 119 now".
    /// </summary>
    NoPlan = 1L << 22,

    /// <summary>
    /// Has not taken what was saved up (まだ飲んでない, 何もしてない): heard with relief, and the means moved out of reach —
    /// not "tell them what you took".
    /// </summary>
    NotTaken = 1L << 23,

    /// <summary>Moving the means away (袋に入れて玄関に置いてくる, 親に預けた, カッター捨てた): thanked as the step it is.</summary>
    MeansAway = 1L << 24,

    /// <summary>The means at hand now (机の上にある, ここにある, 貯めてる): the one step is to move them out of reach.</summary>
    MeansAtHand = 1L << 25,

    /// <summary>
    /// Hopelessness in reply (どうせ誰も, 別にいい, 誰も困らない, もうどうでもいい): not answered with "call now" again, but
    /// as read — what they wrote matters — and the door to people kept open.
    /// </summary>
    Hopeless = 1L << 26,

    /// <summary>
    /// Going to bed (寝ます, もう寝る, おやすみ): a good night and where to turn if it gets worse — unless something was
    /// swallowed, where sleep is the danger (read then as <see cref="Sleepy"/>).
    /// </summary>
    GoingToSleep = 1L << 27,

    /// <summary>At home now (いまは家, 家に着いた, 帰ってきた): away from a dangerous place; not safe from violence at home.</summary>
    AtHome = 1L << 28,

    /// <summary>A child in the home (子どもは寝とる, 娘がいる): during partner violence, the children are protected too.</summary>
    Children = 1L << 29,

    /// <summary>Knowing where the friend lives (家は知っとる, 住所わかる): not to go alone; an adult or 110 goes.</summary>
    KnowsWhere = 1L << 30,

    /// <summary>Going to tell an adult (お母さんに言うわ, 先生に話してみる): the right step, now.</summary>
    TellsAdult = 1L << 31,

    /// <summary>Going to try a line or a chat that was named (やってみる, チャットしてみる): encouraged, not read as a last goodbye.</summary>
    WillTry = 1L << 32,

    /// <summary>A safe place for tonight found (泊めてくれるって, 迎えに来てくれる): glad, a safe trip — not read as a last goodbye.</summary>
    SafePlan = 1L << 33,
}

/// <summary>
/// Reads the answers people give after a crisis message, pressed (the safety-check buttons) or typed in
/// their own words, with the dialogs' normalizer (NFKC, katakana, case and spacing fold the
/// same way in the cue and the message). Written from how young people answer; only read while a crisis
/// episode is open, so everyday words here cannot start anything on their own.
/// </summary>
public static partial class CrisisCues
{
    private static readonly (CrisisCue Cue, string[] Terms)[] Table =
    [
        (CrisisCue.Danger, ["死にたい気持ちもある", "あぶない", "危ない", "危険", "やばい", "助けて", "たすけて", "まだいる", "まだ来る", "来てる", "きてる",
            // The person hammering at the door now (ドア叩きよる, ドアどんどんされてる, ドア蹴ってる).
            "ドア叩", "ドアたた", "ドアをたた", "ドアを叩", "ドアどんどん", "ドアをどんどん", "ドア蹴", "ドアけっ", "ドアを蹴", "ドアどんどこ",
            "大丈夫じゃない", "だいじょうぶじゃない", "安全じゃない", "平気じゃない", "安全な場所じゃない", "逃げられない", "にげられない", "not safe", "help",
            // Saying when it will be done is danger: a plan with a time (今夜やる, これからする, もう決めた).
            "今夜やる", "今日やる", "今からやる", "いまからやる", "これからやる", "今夜する", "今日する", "今からする", "いまからする", "これからする",
            "やるつもり", "するつもり", "もう決めた", "決めた", "決行", "実行する", "今夜死ぬ", "今日死ぬ", "今から死ぬ", "いまから死ぬ", "tonight", "right now"]),
        (CrisisCue.Safe, ["安全な場所にいる", "安全なところにいる", "傷は大丈夫", "きずはだいじょうぶ",
            // The person who hurts them is away now (いまは出かけてていない, 仕事行っとる): safe for now.
            "出かけてていない", "でかけてていない", "出かけてる", "でかけてる", "出かけてて", "でかけてて", "仕事行って", "仕事に行って", "仕事行っと", "仕事に行っと", "今はいない", "いまはいない", "今はおらん", "いまはおらん", "安全", "だいじょうぶ", "大丈夫", "平気", "へいき", "逃げた", "にげた", "逃げて", "にげて", "外に出た", "外に出て", "外にいる", "離れて",
            "家を出た", "離れた", "はなれた",
            // At school or another place with adults around (今は学校の図書室におる): away from violence at home for now.
            "学校にいる", "学校におる", "学校に来た", "学校来た", "学校に来てる", "保健室にいる", "保健室におる", "図書室にいる", "図書室におる", "交番にいる", "交番におる", "落ち着いた", "おちついた", "落ち着いてき", "おちついてき", "無事", "safe"]),
        (CrisisCue.NoPlan, ["するつもりはない", "するつもりない", "やるつもりはない", "やるつもりない", "死ぬつもりはない", "死ぬつもりない", "しぬつもりはない", "つもりはありません",
            "つもりはないです", "する気はない", "やる気はない", "死ぬ気はない", "予定はない", "計画はない", "方法とかは考えてない", "方法は考えてない", "具体的には考えてない",
            "具体的に考えてるわけじゃない", "実行はしない", "実際にはしない", "死にはしない", "しにはしない", "死なないよ", "しなないよ", "死なんよ", "死なへんよ", "しないよ大丈夫",
            "しようとは思ってない", "しようとは思わない", "しようとまでは思わない", "しようとまでは思ってない",
            // Not a wish to die, even hedged (死にたいわけじゃない。たぶん): heard as said, the door kept open.
            "死にたいわけじゃない", "しにたいわけじゃない", "死にたいわけではない", "死にたいわけやない", "死にたいわけじゃなか", "死にたいってわけじゃない", "死にたいとかじゃない", "死にたいとかではない",
            "死のうとは思ってない", "死のうとはおもってない", "死ぬ気はない", "そこまでじゃない", "そこまでではない", "don't want to die", "not going to die", "no plan"]),
        (CrisisCue.Pregnancy, ["妊娠", "にんしん", "生理が来ない", "生理がこない", "生理来ない", "生理こない", "アフターピル", "緊急避妊", "pregnant"]),
        (CrisisCue.AlreadyDid, ["もう飲んだ", "飲んじゃった", "のんじゃった", "全部飲んだ", "もうした", "やっちゃった"]),
        (CrisisCue.Cut, ["手当てが必要", "てあてがひつよう", "切った", "きった", "切っちゃった", "きっちゃった", "切ってしまった", "リスカした", "アムカした", "自傷した", "cut myself"]),
        (CrisisCue.Bleeding, ["血が止まらない", "血がとまらない", "血が止まらん", "血止まらない", "血とまらない", "血がなかなか止まらない", "血がなかなかとまらない",
            "出血が止まらない", "血がいっぱい出", "血がたくさん出", "血がどばどば", "血だらけ", "血の海", "深く切", "深い傷", "傷が深い", "傷がふかい",
            // A cut deeper than usual or bleeding that will not stop, in speech (いつもより深いかも, 止まんない, タオル真っ赤).
            "いつもより深", "いつもよりふか", "思ったより深", "おもったよりふか", "けっこう深", "結構深", "かなり深", "止まんない", "とまんない", "止まんね",
            "赤いのとまら", "赤いの止まら", "血とまらん", "血止まらん", "血がとまらん", "血とまらへん", "血止まらへん",
            "タオル真っ赤", "タオルが真っ赤", "タオルまっか", "床が血", "縫わないと", "ぬわないと", "縫わなきゃ",
            "won't stop bleeding", "wont stop bleeding", "bleeding a lot"]),
        (CrisisCue.TookMedicine, ["薬飲んだ", "薬を飲んだ", "くすり飲んだ", "くすりのんだ", "全部飲んだ", "ぜんぶのんだ", "ぜんぶ飲んだ", "全部のんだ", "薬のんだ", "薬をのんだ", "くすりを飲んだ", "くすりをのんだ", "飲みすぎた", "のみすぎた",
            "飲んじゃった", "のんじゃった", "もう飲んだ", "まとめて飲んだ", "odした", "od した", "オーバードーズした", "市販薬", "睡眠薬飲んだ",
            "いっぱいいった", "全部いった", "ぜんぶいった", "箱ごといった", "箱のんだ", "箱飲んだ", "はこのんだ", "箱いった", "箱ごと飲んだ", "はこごといった", "中身全部飲んだ", "中身ぜんぶ飲んだ", "zenbu nonda"]),
        (CrisisCue.CalledHelp, ["電話した", "でんわした", "119した", "110した", "119番した", "110番した", "呼んだ", "よんだ", "通報した", "電話かけた", "119にかけた", "110にかけた",
            "救急車来た", "救急車きた", "救急車が来た", "警察来た", "警察きた", "警察が来た",
            "向かってくれる", "むかってくれる", "向かってるって", "見に行ってくれる", "みにいってくれる", "119してくれた", "110してくれた", "救急車呼んでくれた", "救急車よんでくれた", "呼んでくれた", "よんでくれた", "110かけた", "119かけた", "警察にかけた", "警察かけた", "ナンバー言った", "ナンバーいった", "ナンバー伝えた", "場所伝えた", "場所言った", "通報できた", "通報しました"]),
        (CrisisCue.WillCall, ["119に電話する", "110に電話する", "電話する", "でんわする", "いまかける", "今かける", "かけてみる", "呼ぶ"]),
        (CrisisCue.CannotCall, ["電話できない", "でんわできない", "電話できん", "電話むり", "電話無理", "電話こわい", "電話怖い", "電話は無理", "電話するのこわい", "電話するの怖い",
            "声を出せない", "声出せない", "声が出せない", "こえだせない", "声でない", "声が出ない", "話せない", "はなせない", "しゃべれない", "喋れない",
            "スマホない", "電話がない", "電話ない", "電話するとばれる", "電話したらばれる", "電話はばれる", "電話だとばれる", "声を聞かれる", "声聞かれる", "電話を聞かれる", "電話聞かれる", "話すと聞かれる", "話したら聞かれる", "can't call", "cannot call", "can't speak"]),
        (CrisisCue.Refuses, ["救急車はいや", "救急車はやだ", "救急車いや", "救急車やだ", "救急車は嫌", "救急車嫌", "呼びたくない", "よびたくない", "呼ばないで", "よばないで", "呼ばんといて", "よばんといて",
            "病院いや", "病院やだ", "病院は嫌", "病院行きたくない", "警察いや", "警察やだ", "警察は嫌", "大げさ", "おおげさ", "電話したくない", "かけたくない", "呼ぶのやだ", "呼ぶのいや", "呼ぶのは嫌", "行きたくない"]),
        (CrisisCue.Symptoms, ["気持ち悪", "きもちわる", "きもちわり", "吐き", "はきそう", "吐いた", "吐きそう", "心臓", "どきどき", "ばくばく", "動悸",
            "苦しい", "くるしい", "息が", "いきが", "しびれ", "ふらふら", "めまい", "目が回", "頭が痛", "頭痛", "ふるえ", "震え", "体がおかしい",
            "からだがおかしい", "気分悪", "気分が悪", "変な感じ", "寒気", "ぼーっと", "ぼーとする", "ぼんやり", "ふわふわ", "くらくら", "ぐるぐる", "力が入らない", "立てない", "目がかすむ", "視界"]),
        (CrisisCue.Sleepy, ["ねむ", "眠い", "眠た", "眠く", "眠り", "寝たら", "ねたら", "寝ちゃ", "寝て", "寝れば", "ねれば", "眠れば", "寝とけば", "寝たい", "ねたい", "意識が"]),
        (CrisisCue.GoingToSleep, ["寝る", "寝ます", "寝よう", "ねよう", "ねます", "もうねる", "寝るね", "寝るわ", "寝るけん", "寝るから", "おやすみ", "お休み", "good night", "going to sleep", "going to bed"]),
        (CrisisCue.NotTaken, ["まだ飲んでない", "まだのんでない", "まだ飲んでません", "まだのんでません", "まだ飲んでへん", "まだ飲んどらん", "まだ飲んでなか", "まだ飲んでねえ",
            "何も飲んでない", "なにも飲んでない", "なにものんでない", "一錠も飲んでない", "1錠も飲んでない", "ひとつも飲んでない", "薬は飲んでない", "くすりはのんでない", "飲んではない", "のんではない",
            "まだ何もしてない", "まだなにもしてない", "何もしてない", "なにもしてない", "まだしてない", "まだやってない", "まだ切ってない", "してないよ", "やってないよ", "haven't taken", "didn't take"]),
        (CrisisCue.MeansAway, ["置いてくる", "おいてくる", "置いてきた", "おいてきた", "置いてきます", "預ける", "あずける", "預けた", "あずけた", "預けてくる", "捨てた", "すてた", "捨ててくる",
            "渡した", "わたした", "渡してくる", "片付けた", "かたづけた", "片づけた", "しまってくる", "しまってきた", "遠ざけ", "とおざけ", "手放", "てばな", "別の部屋に置", "玄関に置", "外に出した", "棚に戻した", "たなに戻した", "箱に戻した", "引き出しに戻した", "戻してきた",
            "gave them to", "threw them away", "put them away"]),
        (CrisisCue.MeansAtHand, ["机の上にある", "机にある", "つくえにある", "手元にある", "てもとにある", "ここにある", "目の前にある", "横にある", "枕元にある", "カバンにある", "かばんにある", "部屋にある",
            "貯めてる", "ためてる", "貯めてた", "ためてた", "貯めとる", "ためとる", "集めてる", "あつめてる", "買ってある", "かってある", "用意してある", "準備してある",
            "握ってる", "にぎってる", "手に持って", "in my hand", "right here", "saved up"]),
        (CrisisCue.Hopeless, ["どうせ誰も", "どうせだれも", "どうせ私", "どうせわたし", "どうせ俺", "どうせおれ", "どうせ無理", "どうせむり", "どうせ", "誰も困らない", "だれも困らない", "だれもこまらない",
            "誰も気にしない", "だれも気にしない", "誰も悲しまない", "だれも悲しまない", "いなくても同じ", "いなくてもおなじ", "別にいい", "べつにいい", "べつにええ", "別にええ",
            "もうどうでもいい", "どうでもいい", "どうでもええ", "意味ない", "いみない", "意味がない", "生きてる意味", "価値ない", "かちない", "no one cares", "nobody cares", "doesn't matter"]),
        (CrisisCue.AtHome, ["いまは家", "今は家", "いま家", "今家", "家にいる", "家におる", "家に帰った", "家にかえった", "家に着いた", "家についた", "家帰った", "家かえった", "家着いた", "帰ってきた", "かえってきた",
            "帰りました", "戻ってきた", "もどってきた", "部屋に戻った", "へやにもどった", "家に戻った", "at home", "got home", "back home"]),
        (CrisisCue.Children, ["子ども", "子供", "こども", "子が", "赤ちゃん", "あかちゃん", "娘", "むすめ", "息子", "むすこ", "my kid", "my child", "the baby"]),
        (CrisisCue.KnowsWhere, ["家は知って", "家知って", "家はしって", "家しって", "家は知っと", "家知っと", "家はわかる", "家わかる", "家分かる", "住所は知って", "住所知って", "住所わかる", "住所はわかる",
            "家近い", "家ちかい", "家が近い", "家は近い", "know where she lives", "know where he lives", "know their house"]),
        (CrisisCue.WillTry, ["やってみる", "やってみます", "使ってみる", "つかってみる", "チャットしてみる", "ちゃっとしてみる", "話してみる", "はなしてみる", "相談してみる", "そうだんしてみる",
            "のぞいてみる", "登録してみる", "送ってみる", "書いてみる", "i'll try", "ill try"]),
        (CrisisCue.SafePlan, ["泊めてくれる", "とめてくれる", "泊めてもらえ", "とめてもらえ", "泊まれることになった", "泊まっていい", "とまっていい", "迎えに来てくれる", "むかえにきてくれる",
            "迎えに来る", "迎えきた", "迎え来た", "むかえきた", "迎えに来た"]),
        (CrisisCue.TellsAdult, ["親に言う", "親に話す", "お母さんに言う", "お母さんに話す", "母に言う", "ママに言う", "お父さんに言う", "父に言う", "パパに言う", "先生に言う", "先生に話す", "担任に言う",
            "おかんに言う", "おかあさんにいう", "大人に言う", "大人に話す", "親に言ってくる", "先生に言ってくる", "お母さんに言ってくる", "言ってみる", "話してみる", "相談してみる",
            "に言ってくる", "に話してくる", "に相談してくる", "に言うわ", "に言うね", "に言います", "に話します", "に伝える", "に伝えてくる", "tell my mom", "tell a teacher"]),
        (CrisisCue.Parents, ["親に", "親が", "親へ", "親バレ", "おやに", "おやが", "家族に", "家族が", "かぞくに", "ばれる", "ばれたくない",
            "知られたくない", "知られる", "怒られ", "おこられ",
            // A teacher or the school finding out (先生にバレたらいけん): the same worry, the same answer.
            "にばれ", "に知られ", "にしられ", "ばれたら", "ばれたく", "ばれん", "ばれへん"]),
        (CrisisCue.LastWords, [.. LastWordsForms(),
            // A letter left (手紙は机に置いてきた, 遺書書いた): words left for someone, in writing.
            "手紙置いて", "手紙おいて", "手紙は置いて", "手紙はおいて", "手紙を置いて", "手紙をおいて", "手紙書いた", "手紙を書いた", "手紙は書いた", "手紙残し", "手紙を残し",
            "手紙のこし", "遺書"]),
        (CrisisCue.Money, ["お金", "おかね", "金ない", "かねない", "金がない", "払えない", "はらえない", "有料", "料金", "費用"]),
        (CrisisCue.Alone, ["ひとり暮らし", "一人暮らし", "ひとりぐらし", "誰もいない", "だれもいない", "誰もいなくて", "ひとりだ", "一人だ", "ひとりしか", "ひとりで", "一人で"]),
        (CrisisCue.BleedingStopped, ["血は止まった", "血止まった", "血が止まった", "血はとまった", "血とまった", "血がとまった", "血は止まって", "血止まって", "血が止まって",
            "血はとまって", "血とまって", "血がとまって", "血はもう止ま", "血はもうとま", "血もう止ま", "血もうとま", "血ももう止ま", "血ももうとま", "止まってきた", "とまってきた", "止まりかけ", "とまりかけ", "血はもう出てない", "血もう出てない", "血はでてない",
            "bleeding stopped", "stopped bleeding", "bleeding has stopped"]),
        (CrisisCue.Hiding, ["鍵かけた", "鍵をかけた", "かぎかけた", "鍵閉めた", "鍵しめた", "隠れてる", "かくれてる", "隠れた", "かくれた", "隠れとる", "かくれとる",
            "トイレにいる", "トイレにおる", "トイレにこもって", "いまトイレ", "今トイレ", "トイレの中", "トイレに逃げ", "トイレにおります", "風呂場", "ふろば", "お風呂にいる", "お風呂におる", "押し入れ", "おしいれ", "クローゼット",
            "閉じこもって", "とじこもって", "逃げ込んだ", "にげこんだ",
            // In one's own room while it happens downstairs (私は部屋にいる): out of reach for now, not safe.
            "部屋にいる", "部屋におる", "へやにいる", "へやにおる", "自分の部屋", "じぶんのへや", "部屋にこもって", "部屋から出れない", "部屋から出られない",
            "hiding", "locked the door", "locked myself", "in my room"]),
        (CrisisCue.Nowhere, new[] { "行くとこない", "いくとこない", "行くところない", "行くところがない", "いくところがない", "行くとこがない", "行く場所ない", "行く場所がない",
            "行くあてない", "行くあてがない", "いくあてない", "逃げる場所", "逃げるとこ", "にげるとこ", "逃げ場", "にげば", "泊まるとこない", "泊まるところがない",
            "帰るとこない", "住むとこない", "nowhere to go" }
            .Concat(NowhereForms()).ToArray()),
        (CrisisCue.FriendUnreached, ["連絡がとれない", "連絡とれない", "連絡取れない", "連絡つかない", "連絡がつかない", "返事ない", "返信ない", "返事がない",
            "返信がない", "既読つかない", "既読がつかない", "電話でない", "電話出ない", "つながらない",
            "返信もない", "返事もない", "連絡もない", "連絡もつかない", "連絡もとれない", "既読もつかない", "既読にならない", "電話にも出ない", "電話も出ない", "来てなくて", "来てない",
            // Taken away now (車動いた！, 連れていかれた): the friend cannot be reached where they were.
            "車動いた", "車が動いた", "くるまうごいた", "車出た", "車が出た", "発進した", "連れていかれた", "連れて行かれた", "つれていかれた", "乗せられた", "のせられた", "どっか行った", "どこか行った"]),
        (CrisisCue.FriendReached, ["連絡がとれた", "連絡とれた", "連絡取れた", "連絡ついた", "連絡がついた", "返事きた", "返信きた", "返事来た", "返信来た", "既読ついた"]),
    ];

    private static readonly (CrisisCue Cue, string[] Terms)[] Normalized = Table
        .Select(row => (row.Cue, row.Terms.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).Distinct().ToArray()))
        .ToArray();

    /// <summary>
    /// Cues that report an act (called, will call, already did): a conditional or a supposition after the
    /// term (呼んだら, 電話すると, 電話したら, 飲んだら, 電話するのは) is a worry about the act, not the act.
    /// </summary>
    private const CrisisCue Acts = CrisisCue.CalledHelp | CrisisCue.WillCall | CrisisCue.AlreadyDid | CrisisCue.Cut;

    private static readonly string[] Conditionals = ["ら", "ば", "と", "のは", "のが", "なら", "って", "べき", "かな"];

    /// <summary>
    /// Having nowhere to go in the ways people write it: a place (to go, stay, sleep, return to) that there is not
    /// (行くところもない, 泊まる場所ねえ, 帰る家ない), or a question of where to be tonight (今夜どこおったらええか, どこで寝ればいい).
    /// </summary>
    private static IEnumerable<string> NowhereForms()
    {
        string[] verbs = ["行く", "いく", "泊まる", "とまる", "帰る", "かえる", "住む", "すむ", "寝る", "ねる", "逃げる", "にげる", "居る", "いる", "おる", "居れる", "いれる", "おれる"];
        string[] places = ["ところ", "とこ", "場所", "ばしょ", "あて", "家", "いえ"];
        string[] particles = ["", "が", "も"];
        string[] none = ["ない", "無い", "ねえ", "ねぇ", "ねー", "あらへん", "なか", "ないし"];
        foreach (var verb in verbs)
        {
            foreach (var place in places)
            {
                foreach (var particle in particles)
                {
                    foreach (var no in none)
                    {
                        yield return verb + place + particle + no;
                    }
                }
            }
        }

        string[] where = ["どこ", "どこに", "どこで", "どこへ"];
        string[] what = ["いれば", "いたら", "おったら", "おれば", "寝れば", "寝たら", "ねれば", "ねたら", "泊まれば", "泊まったら", "とまれば",
            "行けば", "いけば", "行ったら", "いったら", "過ごせば", "過ごしたら", "すごせば", "すごしたら", "おればいい", "おったらええ", "いたらええ"];
        foreach (var w in where)
        {
            foreach (var x in what)
            {
                yield return w + x;
            }
        }
    }

    /// <summary>
    /// Words left for someone to be passed on (親にはごめんって言っといて, お母さんにありがとうって伝えて, みんなによろしく言うといて):
    /// an apology, thanks or farewell followed by a request to tell it.
    /// </summary>
    private static IEnumerable<string> LastWordsForms()
    {
        string[] words = ["ごめん", "ありがとう", "ありがと", "よろしく", "すまん", "すまない", "さよなら", "さようなら", "ばいばい", "元気で", "げんきで", "大好き", "だいすき"];
        string[] tell = ["言っといて", "いっといて", "言っておいて", "いっておいて", "言うといて", "いうといて", "ゆうといて", "伝えて", "つたえて", "伝えといて", "つたえといて",
            "伝えておいて", "言っといてください", "伝えてください", "言っといてくれ", "伝えてくれ", "言っとって", "いっとって", "ゆっといて"];
        foreach (var t in tell)
        {
            // Any words quoted and asked to be passed on (ごめんねって伝えといて), or the words themselves without a quote.
            yield return "って" + t;
            foreach (var word in words)
            {
                yield return word + t;
            }
        }
    }

    /// <summary>
    /// A wish or a past wish is not a deed (逃げたい, 外に出たかった, 離れたくても): the "safe" of 逃げた, 外に出た,
    /// 離れた is not read when the word goes on as a wish.
    /// </summary>
    private static readonly string[] WishEndings = new[] { "い", "く", "かった", "かっ", "がって", "がっ" }.Select(TextNormalizer.Normalize).ToArray();

    private static bool SaidSafe(string normalized, string term)
    {
        for (var at = normalized.IndexOf(term, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var rest = normalized.AsSpan(at + term.Length);
            var wish = false;
            if (term.EndsWith('た'))
            {
                foreach (var ending in WishEndings)
                {
                    if (rest.StartsWith(ending, StringComparison.Ordinal))
                    {
                        wish = true;
                        break;
                    }
                }
            }

            if (!wish)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A parent's partner named (お母さんの彼氏, ママの再婚相手): for a child, an adult of the household, not the child's partner.</summary>
    private static readonly string[] ParentsPartners = (
        from parent in new[] { "母", "お母さん", "おかあさん", "かあちゃん", "ママ", "おかん", "父", "お父さん", "おとうさん", "パパ", "おとん", "親" }
        from partner in new[] { "彼氏", "かれし", "カレシ", "彼女", "かのじょ", "恋人", "こいびと", "再婚相手", "交際相手", "男", "女", "内縁" }
        select TextNormalizer.Normalize(parent + "の" + partner)).Distinct().ToArray();

    /// <summary>Whether the message names a parent's partner (お母さんの彼氏に叩かれた): violence by them to a child is abuse, not partner violence.</summary>
    public static bool NamesParentsPartner(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return ParentsPartners.Any(p => normalized.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether the writer speaks of themselves (私も, 自分も, 俺, うちも, myself): a worry about a friend that turns to the writer's
    /// own danger is the writer's.
    /// </summary>
    public static bool SpeaksOfSelf(string? text)
    {
        var normalized = TextNormalizer.Normalize(text);
        return SelfWords.Any(w => normalized.Contains(w, StringComparison.Ordinal));
    }

    private static readonly string[] SelfWords = new[]
    {
        "私", "わたし", "あたし", "自分", "じぶん", "俺", "おれ", "僕", "ぼく", "うちも", "うちが", "うちは", "わいも", "myself",
    }.Select(TextNormalizer.Normalize).ToArray();

    /// <summary>Someone else asleep: family, a parent, a sibling, a roommate or a partner, then 寝/ねて/眠って.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("(家族|かぞく|親|おや|母|はは|父|ちち|おかあさん|おとうさん|おかん|おとん|ママ|パパ|まま|ぱぱ|みんな|弟|おとうと|妹|いもうと|兄|あに|姉|あね|ばあちゃん|じいちゃん|ルームメイト|彼氏|かれし|旦那|夫|子ども|こども|子供)(が|は|も|とか|)(もう|みんな|)(寝|ね|眠|ねむ)(て|と|た|っ|よ)[ぁ-ん]*")]
    private static partial System.Text.RegularExpressions.Regex OthersAsleep();

    private static readonly string[] SleepyTerms = Normalized.Where(n => n.Cue == CrisisCue.Sleepy).SelectMany(n => n.Terms).ToArray();

    private static readonly string[] BedTerms = Normalized.Where(n => n.Cue == CrisisCue.GoingToSleep).SelectMany(n => n.Terms).ToArray();

    public static CrisisCue Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return CrisisCue.None;
        }

        var normalized = TextNormalizer.Normalize(text);
        // A wish is read within a sentence: 逃げた。いまコンビニ is a deed, though the joined text reads 逃げたいま….
        var segments = TextNormalizer.Segments(text);
        var cues = CrisisCue.None;
        foreach (var (cue, terms) in Normalized)
        {
            if (cue == CrisisCue.Safe ? terms.Any(t => segments.Any(segment => SaidSafe(segment, t)))
                : cue == CrisisCue.Danger ? terms.Any(t => SaidUndenied(normalized, t))
                : terms.Any(t => Said(normalized, t, (cue & Acts) != 0)))
            {
                cues |= cue;
            }
        }

        // Not being able to phone is also what the understanding pass reads in other words (チャットがいい, 文字で).

        // 「こわい」 is danger when the person is afraid now (こわい, あいつがこわい), not when it is the fear of an
        // outcome (体重が増えるのがこわい, 学校に行くのはこわい) or of phoning (that is CannotCall).
        if (Afraid(normalized))
        {
            cues |= CrisisCue.Danger;
        }

        if (cues.HasFlag(CrisisCue.Bleeding))
        {
            cues |= CrisisCue.Cut;
        }

        // 家族寝てるし / 親が寝とる: someone else asleep (a reason not to phone), not the person getting sleepy or going to bed.
        if ((cues & (CrisisCue.Sleepy | CrisisCue.GoingToSleep)) != 0)
        {
            var own = OthersAsleep().Replace(normalized, string.Empty);
            if (!SleepyTerms.Any(t => Said(own, t, false)))
            {
                cues &= ~CrisisCue.Sleepy;
            }

            if (!BedTerms.Any(t => Said(own, t, false)))
            {
                cues &= ~CrisisCue.GoingToSleep;
            }
        }

        // Something swallowed or done is not "not taken"; the means moved away are no longer at hand.
        if ((cues & (CrisisCue.TookMedicine | CrisisCue.AlreadyDid)) != 0)
        {
            cues &= ~(CrisisCue.NotTaken | CrisisCue.MeansAtHand);
        }

        if ((cues & (CrisisCue.NotTaken | CrisisCue.MeansAway)) != 0)
        {
            cues &= ~CrisisCue.MeansAtHand;
        }

        // A negated or contradicted "safe" (大丈夫じゃない) is danger; a friend not reached is not reached.
        if (cues.HasFlag(CrisisCue.Danger))
        {
            cues &= ~CrisisCue.Safe;
        }

        if (cues.HasFlag(CrisisCue.FriendUnreached))
        {
            cues &= ~CrisisCue.FriendReached;
        }

        if (cues.HasFlag(CrisisCue.CannotCall) || cues.HasFlag(CrisisCue.Refuses))
        {
            // 「電話できない」 is not 「電話する」; 「救急車呼びたくない」 is not 「呼ぶ」.
            cues &= ~(CrisisCue.WillCall | CrisisCue.CalledHelp);
        }

        if (cues.HasFlag(CrisisCue.CalledHelp))
        {
            cues &= ~CrisisCue.WillCall;
        }

        return cues;
    }

    private static readonly string[] AfraidTerms = [TextNormalizer.Normalize("こわい"), TextNormalizer.Normalize("怖い"), TextNormalizer.Normalize("こわくて"), TextNormalizer.Normalize("怖くて"), "scared"];

    private static readonly string[] OfAnOutcome = new[] { "の", "のが", "のは", "ことが", "ことは", "のも", "って", "ってずっと", "ってすごく", "と思うと" }.Select(TextNormalizer.Normalize).ToArray();

    private static bool Afraid(string normalized)
    {
        foreach (var term in AfraidTerms)
        {
            for (var at = normalized.IndexOf(term, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                var before = normalized.AsSpan(0, at).TrimEnd();
                var outcome = false;
                foreach (var particle in OfAnOutcome)
                {
                    if (before.EndsWith(particle, StringComparison.Ordinal))
                    {
                        outcome = true;
                        break;
                    }
                }

                if (!outcome)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What turns a danger word down right after it (するつもりはない, 決めたわけじゃない, やばくはない).</summary>
    private static readonly string[] Denials = new[] { "はない", "はありません", "はなか", "ない", "じゃない", "ではない", "わけじゃない", "わけではない", "もない", "とかない", "なんてない" }
        .Select(TextNormalizer.Normalize).Where(t => t.Length > 0).ToArray();

    /// <summary>Whether a danger word is said and not denied right after it (するつもり, not するつもりはない).</summary>
    private static bool SaidUndenied(string normalized, string term)
    {
        for (var at = normalized.IndexOf(term, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var rest = normalized.AsSpan(at + term.Length);
            var denied = false;
            foreach (var d in Denials)
            {
                if (rest.StartsWith(d, StringComparison.Ordinal))
                {
                    denied = true;
                    break;
                }
            }

            if (!denied)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Said(string normalized, string term, bool act)
    {
        for (var at = normalized.IndexOf(term, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            if (!act)
            {
                return true;
            }

            var rest = normalized.AsSpan(at + term.Length);
            var conditional = false;
            foreach (var c in Conditionals)
            {
                if (rest.StartsWith(c, StringComparison.Ordinal))
                {
                    conditional = true;
                    break;
                }
            }

            if (!conditional)
            {
                return true;
            }
        }

        return false;
    }
}
