-- Quest: slay the red dragon of the northern pass
local Quest = {}
Quest.id = 1042
Quest.name = "赤龙之患"
Quest.min_level = 45

function Quest.on_accept(player)
  player:say("北方山口的赤龙又开始袭击商队了。")
  player:add_flag("dragon_quest_started")
end

function Quest.on_kill(player, monster)
  if monster.template_id == 8801 and player:has_flag("dragon_quest_started") then
    player:add_item(55012, 1)
    player:add_exp(Quest.min_level * 1200)
    player:say("你斩杀了赤龙，带着龙鳞回去复命吧。")
  end
end

return Quest
