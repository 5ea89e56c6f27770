"""Prose written for these tests (English and Chinese), used to build copied and independent texts."""

from __future__ import annotations

EN_SOURCE = [
    "The lighthouse keeper climbed the spiral stairs every evening at dusk, counting the steps aloud.",
    "His daughter had painted the iron railing a pale green the summer before she left for the city.",
    "From the lantern room he could see the fishing boats returning, their lamps swaying like fireflies.",
    "On stormy nights the glass rattled in its frame and the whole tower hummed with the wind.",
    "He kept a ledger of every ship that passed, written in a careful hand that had never changed.",
    "The ledger recorded names, flags, the hour of passage and sometimes a remark about the weather.",
    "One October a schooner with torn sails drifted toward the northern rocks without any signal.",
    "He lit the auxiliary beacon and rang the bell until his arms ached and the crew finally answered.",
    "By morning the schooner lay anchored in the bay, and its captain rowed ashore to thank him.",
    "The captain brought a crate of oranges, a rare gift on an island where nothing sweet would grow.",
    "For weeks afterwards the keeper's kitchen smelled of citrus peel drying on the windowsill.",
    "He wrote to his daughter about the oranges, and she replied with a drawing of the green railing.",
]

EN_HOST = [
    "The market square filled slowly as merchants unfolded their awnings against the morning sun.",
    "A baker argued with a carter about the price of flour while pigeons gathered near the fountain.",
    "Children chased a runaway hoop between the stalls and were scolded by an old woman selling lace.",
    "The clock above the town hall had stopped years ago, and nobody remembered who should repair it.",
    "At noon a band of musicians arrived from the valley and played reels until the crowd began to dance.",
    "The mayor watched from a balcony, tapping his cane in time and pretending not to enjoy himself.",
    "Late in the afternoon clouds gathered over the hills and the merchants hurried to pack their goods.",
    "Rain swept the emptied square, rinsing away the chalk drawings the children had left on the stones.",
    "In the tavern the musicians counted their coins and planned the long road to the next fair.",
    "The carter, still grumbling, shared a loaf with the baker after all, and they laughed about the morning.",
    "By evening the lamps were lit along the arcade and the smell of roasting chestnuts drifted outside.",
    "Somebody finally climbed the tower with a toolbox, and the old clock struck nine for the first time.",
]

ZH_SOURCE = [
    "老渔夫每天天不亮就推着小船下水，船头挂着一盏用了二十年的煤油灯。",
    "他的孙女在城里读书，每个月寄回一封信，信里总夹着一片银杏叶子。",
    "海湾东边有一片暗礁，涨潮的时候完全看不见，只有海鸟在上面盘旋。",
    "有一年台风过后，一艘运木材的货船搁浅在暗礁上，船员们点起了求救的火把。",
    "老渔夫划着小船来回跑了七趟，把十一个船员一个一个接到岸上。",
    "天亮以后，船长拿出一块怀表送给他，说这是他父亲留下的唯一纪念。",
    "老渔夫不肯收，船长就把怀表挂在了渔村祠堂的门梁上，让来往的人都能看到。",
    "从那以后，村里的孩子们放学都要跑去祠堂，听那块怀表滴答滴答地走。",
    "孙女放假回来，用毛笔把这件事写成了一篇文章，登在县里的报纸上。",
    "报纸寄到的那天，老渔夫把它折好压在枕头底下，一连几晚都没有睡好觉。",
    "第二年春天，县里派人来修了一座小小的灯塔，就立在暗礁对面的山崖上。",
    "灯塔亮起来的那天晚上，老渔夫第一次没有点他的煤油灯就出了海。",
]

ZH_HOST = [
    "镇上的集市每逢初一十五开张，天刚亮街口就挤满了挑担子的乡亲。",
    "卖豆腐的王婶嗓门最大，隔着三条巷子都能听见她吆喝的声音。",
    "铁匠铺门口总围着一群孩子，看火星子从铁砧上一蓬一蓬地溅出来。",
    "晌午时分，说书先生在茶馆里摆开桌子，一块醒木拍得满堂喝彩。",
    "他讲的是前朝一位清官断案的故事，讲到要紧处就停下来喝一口茶。",
    "茶馆掌柜趁机添水加钱，听客们一边抱怨一边把铜板丢进竹筐里。",
    "傍晚起了风，卖布的赶紧收摊，花花绿绿的布匹被卷成一捆一捆。",
    "街角的老槐树下，几个老人还在下棋，谁也不肯先认输回家吃饭。",
    "天黑以后集市散了，石板路上只剩下菜叶和一地的瓜子壳。",
    "更夫提着灯笼走过，敲着梆子喊了一声小心火烛，镇子就慢慢睡着了。",
    "第二天一早，清洁的老汉扫完街，又把那几张棋桌摆回了槐树底下。",
    "有人说这集市已经办了三百年，也有人说其实不过一百来年。",
]
